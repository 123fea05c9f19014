// Reading an item's fields for the board views without writing during render: a long-text field is
// handed to the view as its Y.Text when it is one, and created only when someone types into it.
import { textField, type Item } from '@soplan/shared';
import * as Y from 'yjs';
import { LOCAL_EDIT } from './board-session.svelte.ts';

export interface TextBinding {
  text: Y.Text | null;
  fallback: string;
  ensure: () => Y.Text;
}

export function textBinding(item: Item | undefined, key: string): TextBinding {
  const value = item?.get(key);
  return {
    text: value instanceof Y.Text ? value : null,
    fallback: typeof value === 'string' ? value : '',
    ensure: () => {
      if (!item) return new Y.Text();
      let created: Y.Text | null = null;
      const doc = item.doc;
      if (doc) doc.transact(() => (created = textField(item, key)), LOCAL_EDIT);
      else created = textField(item, key);
      return created!;
    },
  };
}

/** A comma-separated list as typed, to the names it holds. */
export const listOf = (typed: string) =>
  typed
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
