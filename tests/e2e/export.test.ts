// «Экспорт» in Chromium (issue 14): each button of a board's export menu downloads its file, named
// after the board, for the owner and for a viewer in a second context; «Печать» prints the document
// and nothing of the page around it; a calendar subscription's address works without a session and
// stops once revoked in the settings; a coordinator sets the workspace's document layout, a viewer
// only reads it.
import fs from 'node:fs';
import { unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { BACKGROUND_EXPORT_ITEMS } from '@soplan/shared';
import { describe, expect, it } from 'vitest';
import { eventually, launchBrowser, openBoard, signedInContext } from '../helpers/browser.ts';
import { newServer } from '../helpers/server.ts';
import { joinWithRole, newWorkspace } from '../helpers/workspace.ts';

const server = await newServer({ web: true });
const browser = await launchBrowser();
const { owner, id: workspaceId } = await newWorkspace(server);
const viewer = await joinWithRole(server, owner.client, workspaceId, 'viewer');

const title = 'План мероприятий («дорожная карта») 2021–2022';
const board = (
  await owner.client.post(`/api/workspaces/${workspaceId}/boards`, {
    kind: 'roadmap',
    title,
    content: {
      format: 'soplan-board',
      version: 1,
      kind: 'roadmap',
      title,
      document: {
        documentKind: 'ПРИКАЗ',
        date: '12.10.2021',
        number: '01-05/812',
        title: 'Об утверждении плана мероприятий',
        goal: 'Развитие системы наставничества',
      },
      roadmap: {
        sections: [
          {
            title: 'Организационное обеспечение',
            items: [
              { title: 'Семинар для заместителей заведующих', period: 'Октябрь 2021', responsibles: ['МОУ ГЦРО'] },
              { title: 'Круглый стол «Итоги года»', period: '15.05.2022', responsibles: ['Детский сад № 5'] },
            ],
          },
        ],
      },
    },
  })
).body as { id: string };

const menuItem = (page: Page, format: string) => page.locator(`#export-menu [data-format="${format}"]`);

async function exported(page: Page, format: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, format).click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

describe('export from the board', () => {
  it('[E1][E3][E6] DOCX, PDF, XLSX and ICS each download at once, named after the board — for the owner and for a viewer', async () => {
    for (const person of [owner, viewer]) {
      const { context, page } = await openBoard(browser, server.url, person, board.id);
      const docx = await exported(page, 'docx');
      expect(docx.download.suggestedFilename()).toBe(`${title}.docx`);
      expect(new TextDecoder().decode(unzipSync(new Uint8Array(docx.bytes))['word/document.xml'])).toContain('Семинар для заместителей заведующих');
      const pdf = await exported(page, 'pdf');
      expect(pdf.download.suggestedFilename()).toBe(`${title}.pdf`);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const xlsx = await exported(page, 'xlsx');
      expect(xlsx.download.suggestedFilename()).toBe(`${title}.xlsx`);
      expect(Object.keys(unzipSync(new Uint8Array(xlsx.bytes)))).toContain('xl/workbook.xml');
      const ics = await exported(page, 'ics');
      expect(ics.download.suggestedFilename()).toBe(`${title}.ics`);
      expect(ics.bytes.toString()).toContain('BEGIN:VCALENDAR');
      expect(ics.bytes.toString()).toContain('SUMMARY:Круглый стол «Итоги года»');
      await context.close();
    }
  });

  it('the menu by keyboard, inside the screen on a 390 px phone; Tab leaves it for the next control', async () => {
    const { context, page } = await openBoard(browser, server.url, viewer, board.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('export').focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.locator('#export-menu');
    await menu.waitFor();
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('docx');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-format'))).toBe('feed');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export');
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement?.getAttribute('data-testid') !== 'export')).toBe(true);
    await context.close();
  });

  it('[E4] «Печать» shows the document — приказ, «Приложение № 1», title, the numbered table — and none of the page', async () => {
    const { context, page } = await openBoard(browser, server.url, viewer, board.id);
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.getByTestId('export').click();
    await menuItem(page, 'print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const doc = page.getByTestId('print-document');
    await eventually(async () => (await doc.textContent())?.includes('Семинар для заместителей заведующих') ?? false, 'the printed document');
    const text = (await doc.innerText()).replace(/\s+/g, ' ');
    for (const part of [
      'ПРИКАЗ',
      'Об утверждении плана мероприятий',
      'Приложение № 1',
      'к приказу от 12.10.2021 № 01-05/812',
      title,
      'Цель: Развитие системы наставничества',
      '№ п/п',
      '1. Организационное обеспечение',
      '1.1 Семинар',
      '1.2 Круглый стол',
    ])
      expect(text).toContain(part);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('export').isVisible()).toBe(false);
    expect(await page.getByTestId('document-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await doc.isVisible()).toBe(false);
    await context.close();
  });

  it('[E6] a calendar subscription works without a session and stops once revoked in the settings', async () => {
    const { context, page } = await openBoard(browser, server.url, owner, board.id);
    await page.getByTestId('export').click();
    await menuItem(page, 'feed').click();
    const url = page.getByTestId('feed-url');
    await eventually(async () => ((await url.inputValue()) || '').includes('/ics/'), 'the subscription address');
    const address = await url.inputValue();
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // unfolded: calendar lines longer than 75 octets continue on the next line after a space
    expect((await feed.text()).replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Семинар для заместителей заведующих');
    await page.getByRole('button', { name: 'Готово' }).click();
    // asked again, the dialog says the board is subscribed to already and makes a new address only on request
    await page.getByTestId('export').click();
    await menuItem(page, 'feed').click();
    await page.getByTestId('feed-existing').waitFor();
    expect(await page.getByTestId('feed-url').count()).toBe(0);
    await page.getByRole('button', { name: 'Готово' }).click();

    await page.goto('/settings');
    const feeds = page.getByTestId('feeds');
    await feeds.getByText(title).waitFor();
    await feeds.getByRole('button', { name: new RegExp(`^Отозвать подписку «${title.replace(/[()«»]/g, '.')}, создана `) }).click();
    await feeds.getByRole('status').getByText('отозвана').waitFor();
    await eventually(async () => (await feeds.locator('li').filter({ hasText: title }).count()) === 0, 'the feed gone from the list');
    expect((await fetch(address)).status).toBe(404);
    await context.close();
  });

  it('[E5] a board of more than 2 000 items is exported in the background: the page shows where it is, then the file downloads', async () => {
    const items = BACKGROUND_EXPORT_ITEMS + 20;
    const big = (
      await owner.client.post(`/api/workspaces/${workspaceId}/boards`, {
        kind: 'roadmap',
        title: 'Большая дорожная карта',
        content: {
          format: 'soplan-board',
          version: 1,
          kind: 'roadmap',
          title: 'Большая дорожная карта',
          roadmap: {
            sections: Array.from({ length: Math.ceil(items / 100) }, (_, i) => ({
              title: `Направление ${i + 1}`,
              items: Array.from({ length: Math.min(100, items - i * 100) }, (_, k) => ({ title: `Мероприятие ${i + 1}.${k + 1}`, period: 'Октябрь 2021' })),
            })),
          },
        },
      })
    ).body as { id: string };
    const { context, page } = await openBoard(browser, server.url, owner, big.id);
    await page.getByTestId('export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      (async () => {
        await menuItem(page, 'xlsx').click();
        const progress = page.getByTestId('export-progress');
        await progress.waitFor();
        expect(await progress.getByRole('progressbar').count()).toBe(1);
        expect(await progress.textContent()).toMatch(/Excel \(XLSX\): (ждём свободного обработчика|собираем документ)/);
      })(),
    ]);
    expect(download.suggestedFilename()).toBe('Большая дорожная карта.xlsx');
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(await download.path()))))).toContain('xl/workbook.xml');
    await page.getByTestId('export-progress').waitFor({ state: 'detached' });
    await context.close();
  }, 180_000);

  it('[E2] a coordinator sets the workspace’s document layout; a viewer reads it and cannot change it', async () => {
    const context = await signedInContext(browser, server.url, owner);
    const page = await context.newPage();
    await page.goto(`/workspaces/${workspaceId}?tab=documents`);
    const form = page.getByTestId('document-settings');
    await form.getByLabel('Левое').fill('30');
    await form.getByLabel('Должность').fill('Директор МОУ ГЦРО');
    await form.getByLabel('Инициалы и фамилия').fill('А.В. Иванова');
    await form.getByRole('button', { name: 'Сохранить оформление' }).click();
    await eventually(async () => (await owner.client.get(`/api/workspaces/${workspaceId}/document-settings`)).body.marginLeftMm === 30, 'the saved layout');
    expect((await owner.client.get(`/api/workspaces/${workspaceId}/document-settings`)).body.approval).toEqual({
      position: 'Директор МОУ ГЦРО',
      name: 'А.В. Иванова',
    });
    await context.close();

    const theirs = await signedInContext(browser, server.url, viewer);
    const theirPage = await theirs.newPage();
    await theirPage.goto(`/workspaces/${workspaceId}?tab=documents`);
    const left = theirPage.getByTestId('document-settings').getByLabel('Левое');
    await eventually(async () => (await left.inputValue()) === '30', 'the layout the viewer reads');
    expect(await left.isDisabled()).toBe(true);
    expect(await theirPage.getByRole('button', { name: 'Сохранить оформление' }).count()).toBe(0);
    await theirs.close();
  });
});
