// Regenerates the README's screenshots from a demo server: node tests/tools/readme-screenshots.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@soplan/server/config.ts';
import { startServer } from '@soplan/server/server.ts';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../helpers/browser.ts';
import { prikaz } from '../helpers/import-fixtures.ts';

const out = path.resolve(import.meta.dirname, '../../docs/screenshots');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-shots-'));
const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SOPLAN_DEMO: '1' }));
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
  await page.goto('/login');
  await page.getByTestId('demo-email').waitFor();
  await page.screenshot({ path: path.join(out, 'login.png') });
  await page.getByRole('button', { name: 'Подставить демо-вход' }).click();
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL('**/workspaces');
  await page.getByRole('link', { name: /Педагог для всех/ }).click();
  await page.getByTestId('board').first().waitFor();
  await page.screenshot({ path: path.join(out, 'workspace.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Участники' }).click();
  await page.getByRole('button', { name: 'Создать ссылку' }).click();
  await page.getByLabel('Ссылка-приглашение').waitFor();
  await page.screenshot({ path: path.join(out, 'members.png'), fullPage: true });
  const boards: [string, RegExp, string][] = [
    ['plan-graph.png', /План-график/, 'plan-event'],
    ['roadmap.png', /Сарове/, 'roadmap-item'],
    ['programme.png', /Межфирменное наставничество/, 'programme-section'],
  ];
  for (const [file, title, ready] of boards) {
    await page.getByRole('tab', { name: 'Доски' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByTestId(ready).first().waitFor();
    await page.getByTestId('connection').and(page.locator('[data-state="online"]')).waitFor();
    await page.screenshot({ path: path.join(out, file), fullPage: false });
    if (file === 'roadmap.png') {
      // The board's own find, then the same board on a 390 px phone.
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'Найти на доске' }).fill('мониторинг');
      await page.getByTestId('board-find-count').filter({ hasText: /из/ }).waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'roadmap-find.png') });
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'roadmap-phone.png') });
      await page.setViewportSize({ width: 1280, height: 820 });
      // The export menu, and the first page of the board's PDF beside it (rendered by pdftoppm).
      await page.getByTestId('export').click();
      await page.locator('#export-menu').waitFor();
      await page.screenshot({ path: path.join(out, 'export-menu.png'), clip: { x: 640, y: 100, width: 640, height: 560 } });
      await page.keyboard.press('Escape');
      const boardId = new URL(page.url()).pathname.split('/').at(-1)!;
      const pdf = await page.request.get(`/api/boards/${boardId}/export?format=pdf`);
      const pdfPath = path.join(dataDir, 'roadmap.pdf');
      fs.writeFileSync(pdfPath, await pdf.body());
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdfPath, path.join(dataDir, 'page')]);
      for (const n of [1, 2]) fs.copyFileSync(path.join(dataDir, `page-${n}.png`), path.join(out, `export-pdf-page-${n}.png`));
    }
    await page.goBack();
  }
  // One live change so the activity feed has a line, then the dashboard and the calendar.
  await page.getByRole('tab', { name: 'Доски' }).click();
  await page.getByRole('link', { name: /Педагог для всех»$/ }).click();
  await page.getByTestId('roadmap-item').first().waitFor();
  await page.getByTestId('connection').and(page.locator('[data-state="online"]')).waitFor();
  await page.locator('[data-testid="roadmap-item"][data-number="1.1"]').getByRole('combobox', { name: 'Статус 1.1' }).selectOption('in-progress');
  await page.waitForTimeout(1500);
  await page.getByRole('link', { name: /К доскам пространства/ }).click();
  await page.getByRole('link', { name: 'Панель координатора' }).click();
  await page.getByTestId('dash-activity').locator('li').first().waitFor();
  await page.screenshot({ path: path.join(out, 'dashboard.png'), fullPage: true });
  await page.goto(`${new URL(page.url()).pathname.replace(/dashboard$/, 'calendar')}?date=2021-10-01`);
  await page.locator('.ec-event').first().waitFor();
  await page.screenshot({ path: path.join(out, 'calendar.png'), fullPage: true });
  // The import preview of a приказ with its plan (the fixture the import tests read).
  await page.getByRole('link', { name: 'Доски и настройки' }).click();
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  await page.getByRole('dialog', { name: 'Импорт документа' }).waitFor();
  const fixture = await prikaz();
  await page.locator('[data-testid="import-dialog"] input[type="file"]').setInputFiles({
    name: 'Приказ о дорожной карте.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: fixture.buffer,
  });
  await page.getByTestId('import-preview').waitFor();
  await page.screenshot({ path: path.join(out, 'import-preview.png') });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
