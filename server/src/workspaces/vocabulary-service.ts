// The workspace's vocabulary of event forms (семинар, мастер-класс, ...): plan-graphs offer it for
// every event, and anyone may still type a form it lacks. Until a coordinator edits it, a workspace
// uses the default vocabulary.
import { DEFAULT_EVENT_FORMS } from '@soplan/shared';
import { z } from 'zod';
import { workspaces, type Db } from '../db/index.ts';
import { requireMembership } from './access.ts';

const storedForms = z.array(z.string());

function formsOf(db: Db, workspaceId: string): string[] {
  const stored = workspaces.eventForms(db, workspaceId);
  if (stored === null) return [...DEFAULT_EVENT_FORMS];
  const parsed = storedForms.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : [...DEFAULT_EVENT_FORMS];
}

export function listEventForms(db: Db, userId: string, workspaceId: string): string[] {
  requireMembership(db, workspaceId, userId);
  return formsOf(db, workspaceId);
}

export function setEventForms(db: Db, userId: string, workspaceId: string, forms: string[]): string[] {
  requireMembership(db, workspaceId, userId, 'manageVocabulary');
  workspaces.setEventForms(db, workspaceId, JSON.stringify(forms));
  return forms;
}
