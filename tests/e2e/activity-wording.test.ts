// How the dashboard's activity feed words empty and quoted values, in Chromium (SPEC F8): an item
// without a title is «без названия», an empty period is «срок не указан», and a title's own «»
// quotes become „“ inside the line's «…», in Russian and in English.
import { addRoadmapItem, addRoadmapSection, roadmapItems, textField, type Item } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { eventually as eventuallyWithin, launchBrowser, newPerson } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { syncClient, waitFor } from '../helpers/sync-client.ts';

const eventually = (check: () => boolean | Promise<boolean>, what: string) => eventuallyWithin(check, what, 15_000);
const server = await newServer({ web: true, demo: true, indexDebounceMs: 50 });
const browser = await launchBrowser();
const OWNER = 'demo@soplan.local';
const PASSWORD = 'soplan-demo';

const login = server.client();
await login.post('/api/auth/login', { email: OWNER, password: PASSWORD });
const [workspace] = (await login.get('/api/workspaces')).body as { id: string }[];
const boards = (await login.get(`/api/workspaces/${workspace!.id}/boards`)).body as { id: string; kind: string; title: string }[];
const ROADMAP = boards.find((b) => b.kind === 'roadmap')!.id;

describe('[F8] activity lines with empty and quoted values', () => {
  it('name an untitled item and an empty period in words, and never nest «» in «»', async () => {
    const edits = syncClient(server.url, ROADMAP, { cookie: `soplan_session=${login.sessionCookie}`, origin: server.url });
    await edits.synced();
    let untitled = '';
    let quoted = '';
    edits.doc.transact(() => {
      const section = addRoadmapSection(edits.doc, 'Раздел для ленты');
      untitled = addRoadmapItem(edits.doc, section, { title: '' });
      quoted = addRoadmapItem(edits.doc, section, { title: 'Семинар «Наставничество»', period: 'Май 2022 г.' });
    });
    await waitFor(() => server.query('SELECT 1 FROM board_items WHERE item_id IN (?, ?)', untitled, quoted).length === 2, 5000, 'the index');

    const context = await newPerson(browser, server.url);
    expect((await context.request.post('/api/auth/login', { data: { email: OWNER, password: PASSWORD }, headers: { origin: server.url } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`/workspaces/${workspace!.id}/dashboard`);
    await page.locator('[data-testid="live-state"][data-state="online"]').waitFor();

    const items = roadmapItems(edits.doc);
    textField(items.get(untitled) as Item, 'period').insert(0, 'м022');
    const period = textField(items.get(quoted) as Item, 'period');
    period.delete(0, period.length);
    const lines = page.getByTestId('dash-activity').locator('li');
    const texts = () => lines.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    await eventually(
      async () => (await texts()).some((l) => l.includes('м022')) && (await texts()).some((l) => l.includes('Наставничество') && l.includes('перен')),
      'both lines',
    );
    const all = await texts();
    expect(all.find((l) => l.includes('м022'))).toContain('перенёс(ла) «без названия»: срок не указан → м022');
    expect(all.find((l) => l.includes('Наставничество') && l.includes('перен'))).toContain('«Семинар „Наставничество“»: Май 2022 г. → срок не указан');
    expect(all.join('\n')).not.toContain('«»');

    await page.getByRole('button', { name: 'Switch the interface to English' }).click();
    await eventually(async () => (await texts()).some((l) => l.includes('rescheduled «untitled»: no date → м022')), 'the English line');
    edits.destroy();
    await context.close();
  });
});
