// A programme section's rich text (SPEC rules B7, B10) as the JSON form's blocks and back. The
// fragment is in the shape the editor (Tiptap's StarterKit with its collaboration extension, bound
// by y-tiptap) reads and writes: a Y.XmlElement per node named as the node (`paragraph`,
// `heading` with a numeric `level` attribute, `bulletList`/`orderedList` > `listItem` > `paragraph`,
// `hardBreak` for a line break), text as Y.XmlText whose formatting attributes are the marks: the
// mark's name (y-tiptap suffixes `--hash` to marks that may overlap) with the mark's attributes as
// value, `{ bold: {} }`. Reading keeps what the form holds (paragraphs, headings, flat lists, bold,
// italic) and the text of everything else; writing gives only nodes the editor's schema accepts.
import * as Y from 'yjs';
import type { RichBlockJson, RichRunJson } from './board-json.ts';
import { fragmentText, isEditableBody } from './programme.ts';

type Runs = RichRunJson[];
const element = (name: string) => new Y.XmlElement(name);

/** A formatting attribute's mark name: y-tiptap writes overlapping marks as `name--<8 characters of hash>`. */
const markName = (attribute: string) => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute;

/** Runs with the same marks joined, empty ones dropped: one spelling for one text. */
function normalised(runs: Runs): Runs {
  const out: Runs = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out.at(-1);
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else out.push({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) });
  }
  return out;
}

/** The runs of an inline container: its texts with their bold and italic, a hard break as a line break, any other node as its text. */
function runsOf(node: Y.XmlElement): Runs {
  const runs: Runs = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        const marks = new Set(Object.keys(op.attributes ?? {}).map(markName));
        runs.push({ text: op.insert, bold: marks.has('bold'), italic: marks.has('italic') });
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') runs.push({ text: '\n' });
    else if (child instanceof Y.XmlElement) runs.push(...runsOf(child));
  }
  return normalised(runs);
}

/** A heading's level as the editor's schema allows it (1–6). */
function levelOf(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'));
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

/** The lines of a list: each paragraph (or heading) of each item, nested lists flattened in place. */
function listLines(list: Y.XmlElement): Runs[] {
  const lines: Runs[] = [];
  for (const item of list.toArray()) {
    if (!(item instanceof Y.XmlElement)) continue;
    for (const child of item.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'bulletList' || child.nodeName === 'orderedList') lines.push(...listLines(child));
      else lines.push(runsOf(child));
    }
  }
  return lines;
}

function blocksOf(elements: readonly unknown[]): RichBlockJson[] {
  const blocks: RichBlockJson[] = [];
  for (const element of elements) {
    if (!(element instanceof Y.XmlElement)) continue;
    const name = element.nodeName;
    if (name === 'heading') blocks.push({ type: 'heading', level: levelOf(element), runs: runsOf(element) });
    else if (name === 'bulletList' || name === 'orderedList') {
      const items = listLines(element);
      if (items.length > 0) blocks.push({ type: name, items });
    } else if (name === 'blockquote') blocks.push(...blocksOf(element.toArray()));
    else if (name !== 'horizontalRule') blocks.push({ type: 'paragraph', runs: runsOf(element) });
  }
  return blocks;
}

/**
 * A section body as blocks. A body the editor cannot open (absent, plain text, junk; rule B4) reads
 * as paragraphs of the text the board shows for it, which is also what opening it would rebuild.
 */
export function richBlocksOf(body: unknown): RichBlockJson[] {
  if (isEditableBody(body)) return blocksOf(body.toArray());
  const text = fragmentText(body);
  return text === '' ? [] : text.split('\n').map((line) => ({ type: 'paragraph', runs: normalised([{ text: line }]) }));
}

/** An inline container holding the runs: texts with their marks as y-tiptap writes them, line breaks as hard breaks. */
function inline(node: Y.XmlElement, runs: Runs): Y.XmlElement {
  const children: (Y.XmlText | Y.XmlElement)[] = [];
  let delta: { insert: string; attributes: Record<string, object> }[] = [];
  const flush = () => {
    if (delta.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(delta);
    children.push(text);
    delta = [];
  };
  for (const run of normalised(runs)) {
    const attributes = { ...(run.bold ? { bold: {} } : {}), ...(run.italic ? { italic: {} } : {}) };
    run.text.split('\n').forEach((piece, i) => {
      if (i > 0) {
        flush();
        children.push(element('hardBreak'));
      }
      if (piece !== '') delta.push({ insert: piece, attributes });
    });
  }
  flush();
  node.insert(0, children);
  return node;
}

/** Blocks as a rich-text fragment the editor opens; a list without items is left out (the editor's schema needs one). */
export function richFragment(blocks: readonly RichBlockJson[]): Y.XmlFragment {
  const fragment = new Y.XmlFragment();
  const elements: Y.XmlElement[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') elements.push(inline(element('paragraph'), block.runs));
    else if (block.type === 'heading') {
      const heading = inline(element('heading'), block.runs);
      // A number, as the editor writes the attribute (Yjs stores any value; its typings say string,
      // and a fragment only takes elements typed so).
      (heading as unknown as Y.XmlElement<{ level: number }>).setAttribute('level', block.level);
      elements.push(heading);
    } else if (block.items.length > 0) {
      const list = element(block.type);
      list.insert(
        0,
        block.items.map((runs) => {
          const item = element('listItem');
          item.insert(0, [inline(element('paragraph'), runs)]);
          return item;
        }),
      );
      elements.push(list);
    }
  }
  fragment.insert(0, elements);
  return fragment;
}
