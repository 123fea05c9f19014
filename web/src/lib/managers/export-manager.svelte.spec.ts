// A board's exports as the board page follows them (SPEC E5), against a real server: a normal board's
// file is downloaded at once under the board's title, a bigger one is followed as a background job
// until its file is there, and a refusal is worded with nothing downloaded.
import { describe, expect, it } from 'vitest';
import { signedUp } from '../../../../tests/helpers/http-client.ts';
import { newServer } from '../../../../tests/helpers/server.ts';
import { waitFor } from '../../../../tests/helpers/sync-client.ts';
import { downloads, openPage } from '../../../../tests/helpers/web-page.ts';
import { newWorkspace } from '../../../../tests/helpers/workspace.ts';
import { t } from '../i18n/i18n.svelte.ts';
import { ExportManager } from './export-manager.svelte.ts';

/** Boards of more items than this are exported in the background. */
const BACKGROUND_AFTER = 3;
const server = await newServer({ env: { EXPORT_BACKGROUND_ITEMS: String(BACKGROUND_AFTER) } });
const { owner, id: workspaceId } = await newWorkspace(server);

async function roadmap(title: string, periods: string[]): Promise<string> {
  const content = {
    format: 'soplan-board',
    version: 1,
    kind: 'roadmap',
    title,
    roadmap: { sections: [{ title: 'Направление 1', items: periods.map((period, i) => ({ title: `Мероприятие ${i + 1}`, period })) }] },
  };
  const res = await owner.client.post(`/api/workspaces/${workspaceId}/boards`, { kind: 'roadmap', title, content });
  if (res.status !== 201) throw new Error(`board not created: ${res.status} ${res.text}`);
  return res.body.id as string;
}

const dated = await roadmap('Дорожная карта 2025–2026', ['Октябрь 2025 г.', 'Ноябрь 2025 г.']);

describe('exports', () => {
  it('a normal board’s file is downloaded at once, named after the board, and screen readers are told', async () => {
    openPage(server, owner.client);
    const manager = new ExportManager(dated);
    const exporting = manager.export('xlsx');
    expect(manager.isBusy('xlsx')).toBe(true);
    expect(manager.isBusy('docx')).toBe(false);
    await exporting;
    expect(manager.isBusy('xlsx')).toBe(false);
    expect(manager.error).toBe('');
    expect(manager.job).toBeNull();
    expect(manager.status).toBe(t('export.downloaded', { format: t('export.format.xlsx') }));
    const [file, ...more] = downloads();
    expect(more).toEqual([]);
    expect(file!.name).toBe('Дорожная карта 2025–2026.xlsx');
    // an XLSX is a zip
    expect(new TextDecoder().decode((await file!.blob.arrayBuffer()).slice(0, 2))).toBe('PK');
  });

  it('a calendar with no dated items is said to be empty; one with dates is not', async () => {
    openPage(server, owner.client);
    const undated = new ExportManager(await roadmap('Без сроков', ['', '']));
    await undated.export('ics');
    expect(undated.notice).toBe(t('export.icsEmpty'));
    const withDates = new ExportManager(dated);
    await withDates.export('ics');
    expect(withDates.notice).toBe('');
    expect(await downloads()[1]!.blob.text()).toContain('BEGIN:VEVENT');
  });

  it('a bigger board is followed as a background job until its file is downloaded', async () => {
    openPage(server, owner.client);
    const big = await roadmap(
      'Большая дорожная карта',
      Array.from({ length: BACKGROUND_AFTER + 2 }, () => 'Октябрь 2025 г.'),
    );
    const manager = new ExportManager(big);
    const exporting = manager.export('json');
    await waitFor(() => manager.job !== null, 5000, 'the job shown');
    expect(manager.job).toMatchObject({ boardId: big, format: 'json' });
    await exporting;
    expect(manager.job).toBeNull();
    expect(manager.error).toBe('');
    const [file] = downloads();
    expect(file!.name).toBe('Большая дорожная карта.json');
    expect(JSON.parse(await file!.blob.text())).toMatchObject({ format: 'soplan-board', title: 'Большая дорожная карта' });
  });

  it('a refused export is worded, and nothing is downloaded', async () => {
    const stranger = await signedUp(server.client(), 'Посторонний');
    openPage(server, stranger.client);
    const manager = new ExportManager(dated);
    await manager.export('docx');
    expect(manager.error).toBe(t('error.not_found'));
    expect(manager.status).toBe('');
    expect(manager.isBusy('docx')).toBe(false);
    expect(downloads()).toEqual([]);
    manager.dismiss();
    expect(manager.error).toBe('');
  });
});
