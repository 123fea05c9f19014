// axe-core on every page (issue 15): login, the workspace, the three boards, the dashboard, the
// calendar, «Мои задачи» and the settings report no serious or critical violation, in Russian and
// in English.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, signedInContext } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const server = await newServer({ web: true, demo: true });
const browser = await launchBrowser();
const demo = (await server.client().get('/api/demo')).body as { email: string; password: string };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe('accessibility', () => {
  it('every page, in Russian and English, has no serious or critical axe-core violation', async () => {
    const anonymous = await newPerson(browser, server.url);
    const login = await anonymous.newPage();
    await login.goto('/login');
    await login.getByTestId('demo-email').waitFor();
    const found: Record<string, string[]> = { login: await seriousViolations(login) };
    await anonymous.close();

    const context = await signedInContext(browser, server.url, demo);
    const page = await context.newPage();
    const [workspace] = (await (await context.request.get('/api/workspaces')).json()) as { id: string }[];
    const boards = (await (await context.request.get(`/api/workspaces/${workspace!.id}/boards`)).json()) as { id: string; kind: string }[];
    const pages: [string, string, string][] = [
      ['workspace', `/workspaces/${workspace!.id}`, '[data-testid="board"]'],
      ...boards.map((b): [string, string, string] => [`board ${b.kind} ${b.id}`, `/boards/${b.id}`, '[data-testid="connection"][data-state="online"]']),
      ['dashboard', `/workspaces/${workspace!.id}/dashboard`, 'h1'],
      ['calendar', `/workspaces/${workspace!.id}/calendar`, '.ec'],
      ['tasks', `/workspaces/${workspace!.id}/tasks`, 'h1'],
      ['settings', '/settings', '[data-testid="feeds"]'],
    ];
    for (const lang of ['ru', 'en']) {
      for (const [name, url, ready] of pages) {
        await page.goto(url);
        await page.locator(ready).first().waitFor();
        found[`${name} (${lang})`] = await seriousViolations(page);
      }
      // The calendar's week and list views are other markup than its month.
      await page.goto(`/workspaces/${workspace!.id}/calendar?date=2021-10-01`);
      await page.locator('.ec').waitFor();
      for (const [view, button] of [
        ['week', lang === 'ru' ? 'Неделя' : 'Week'],
        ['list', lang === 'ru' ? 'Список' : 'List'],
      ]) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await page
          .locator(view === 'week' ? '.ec-day-grid' : '.ec-list')
          .first()
          .waitFor();
        found[`calendar ${view} (${lang})`] = await seriousViolations(page);
      }
      if (lang === 'ru') await page.getByRole('button', { name: 'English' }).click();
    }
    await context.close();
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  }, 120_000);
});
