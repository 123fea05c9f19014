// demo/: on a first start with an empty data directory, demo mode creates the network
// «Педагог для всех» from the Yaroslavl plan (sources/000): its organisations, its people, and its
// boards, imported from the documents of sources 000, 001 and 004 by the import pipeline (boards.ts).
import { defaultDocumentSettings, todayIso, type DocumentSettings, type OrganisationKind, type Role } from '@soplan/shared';
import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../auth/ids.ts';
import { members, organisations, users, workspaces, type Db } from '../db/index.ts';
import type { BoardIndexer } from '../boards/indexer.ts';
import { boardRow, insertBoard } from '../workspaces/index.ts';

export const DEMO_LOGIN = { email: 'demo@soplan.local', password: 'soplan-demo' } as const;
export const DEMO_WORKSPACE_NAME = 'Педагог для всех';

const CENTRE = 'МОУ «Городской центр развития образования» (ГЦРО)';
const UNIVERSITY = 'ЯГПУ им. К. Д. Ушинского';
const AUTHORITY = 'Департамент образования мэрии города Ярославля';

/** Each with the organisation they work for, so «Мои задачи» shows their organisation's items from the first visit. */
const PEOPLE: { email: string; name: string; role: Role; organisation: string }[] = [
  { email: DEMO_LOGIN.email, name: 'Елена Викторовна Соколова (методист МОУ ГЦРО)', role: 'owner', organisation: CENTRE },
  { email: 'morozova@soplan.local', name: 'Наталья Ивановна Морозова (руководитель ГТГ, МДОУ № 144)', role: 'coordinator', organisation: 'МДОУ № 144' },
  { email: 'petrova@soplan.local', name: 'Ольга Николаевна Петрова (старший воспитатель, МДОУ № 8)', role: 'editor', organisation: 'МДОУ № 8' },
  { email: 'kuznetsova@soplan.local', name: 'Марина Сергеевна Кузнецова (старший воспитатель, МДОУ № 25)', role: 'editor', organisation: 'МДОУ № 25' },
  { email: 'volkova@soplan.local', name: 'Светлана Андреевна Волкова (педагог-психолог, МДОУ № 98)', role: 'editor', organisation: 'МДОУ № 98' },
  { email: 'lebedeva@soplan.local', name: 'Ирина Павловна Лебедева (ЯГПУ)', role: 'viewer', organisation: UNIVERSITY },
  { email: 'orlova@soplan.local', name: 'Татьяна Юрьевна Орлова (департамент образования)', role: 'viewer', organisation: AUTHORITY },
];

const KINDERGARTENS = [8, 25, 44, 82, 98, 100, 107, 109, 144, 170, 179, 218, 226, 228];
/** The methodical centre's layout: the ГОСТ defaults, and who approves its plans (a name the demo makes up). */
const DEMO_DOCUMENT_SETTINGS: DocumentSettings = {
  ...defaultDocumentSettings(),
  approval: { position: 'Директор МОУ «Городской центр развития образования»', name: 'А.В. Смирнова' },
};

const ORGANISATIONS: { name: string; kind: OrganisationKind; partner: boolean }[] = [
  { name: AUTHORITY, kind: 'authority', partner: false },
  { name: CENTRE, kind: 'centre', partner: false },
  ...KINDERGARTENS.map((n) => ({ name: `МДОУ № ${n}`, kind: 'kindergarten' as const, partner: false })),
  { name: UNIVERSITY, kind: 'university', partner: true },
];

/** Seeds the demo workspace when the database has no users yet; returns whether it did. */
export async function seedDemo(db: Db, indexer: BoardIndexer, now = Date.now()): Promise<boolean> {
  if (users.count(db) > 0) return false;
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const userIds = PEOPLE.map(() => newId());
  const workspaceId = newId();
  const today = todayIso(new Date(now));
  // The import pipeline and the board builder load only when the demo is seeded, never on an ordinary start.
  const [{ demoBoards }, { build }] = await Promise.all([import('./boards.ts'), import('../exchange/build-board.ts')]);
  const contents = await demoBoards(
    ORGANISATIONS.map((o) => ({ name: o.name, partner: o.partner })),
    today,
  );
  // Built as a board created from an import's content is (exchange/build-board.ts), here at start.
  const built = contents.map((content, i) => ({
    row: boardRow(workspaceId, userIds[0]!, content.kind, content.title, now + i),
    board: build(content, content.title, today),
  }));
  db.transaction(() => {
    PEOPLE.forEach((p, i) => users.insert(db, { id: userIds[i]!, email: p.email, name: p.name, password_hash: passwordHash, created_at: now }));
    workspaces.insert(db, { id: workspaceId, name: DEMO_WORKSPACE_NAME, created_by: userIds[0]!, created_at: now });
    PEOPLE.forEach((p, i) => members.upsert(db, { workspace_id: workspaceId, user_id: userIds[i]!, role: p.role, joined_at: now + i }));
    const organisationIds = new Map(ORGANISATIONS.map((o) => [o.name, newId()]));
    for (const o of ORGANISATIONS) {
      organisations.insert(db, {
        id: organisationIds.get(o.name)!,
        workspace_id: workspaceId,
        name: o.name,
        kind: o.kind,
        partner: o.partner ? 1 : 0,
        created_at: now,
      });
    }
    PEOPLE.forEach((p, i) => members.setOrganisation(db, workspaceId, userIds[i]!, organisationIds.get(p.organisation)!));
    for (const { row, board } of built) insertBoard(db, row, board.update, now);
    workspaces.setDocumentSettings(db, workspaceId, JSON.stringify(DEMO_DOCUMENT_SETTINGS));
  })();
  for (const { row, board } of built) indexer.indexItems(row.id, board.items);
  return true;
}
