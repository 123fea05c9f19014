// What real documents do to a plan, as DOCX, ODT and HTML files and as clipboard pastes from Word,
// LibreOffice and Google Docs: each imports to the board its fixture describes (SPEC I5–I10).
import { describe, expect, it } from 'vitest';
import {
  CLIPBOARD_SAMPLES,
  clipboardSample,
  fixtureAs,
  MESSY_CASES,
  outlineOf,
  twentyMebibyteDocx,
  type SourceFileFormat,
} from '../helpers/import-fixtures.ts';
import { newServer } from '../helpers/server.ts';
import { newWorkspace } from '../helpers/workspace.ts';

const server = await newServer();
const { owner, id } = await newWorkspace(server);
const imports = `/api/workspaces/${id}/imports`;
const FORMATS: SourceFileFormat[] = ['docx', 'odt', 'html'];

describe('messy documents', () => {
  for (const [name, make] of Object.entries(MESSY_CASES))
    for (const format of FORMATS)
      it(`${name} as ${format.toUpperCase()}`, { timeout: 60_000 }, async () => {
        const fixture = await make();
        const { fileName, bytes } = await fixtureAs(fixture, format);
        const preview = await owner.client.upload(imports, { file: [new Uint8Array(bytes), fileName] });
        expect(preview.status, preview.text).toBe(200);
        expect(outlineOf(preview.body)).toMatchObject(fixture.expected);
        const content = JSON.stringify(preview.body.content);
        for (const text of fixture.absent) expect(content).not.toContain(text);
      });
});

describe('pastes', () => {
  for (const name of CLIPBOARD_SAMPLES)
    it(`a table copied from ${name}`, async () => {
      const sample = clipboardSample(name);
      const preview = await owner.client.post(imports, sample.body);
      expect(preview.status, preview.text).toBe(200);
      expect(outlineOf(preview.body)).toMatchObject(sample.expected);
    });
});

describe('a file at the size limit', () => {
  it('a 20 MiB DOCX (a plan and a large picture) is read, the picture noted as dropped', { timeout: 60_000 }, async () => {
    const fixture = await twentyMebibyteDocx();
    const preview = await owner.client.upload(imports, { file: [new Uint8Array(fixture.buffer), fixture.fileName] });
    expect(preview.status, preview.text).toBe(200);
    expect(outlineOf(preview.body)).toMatchObject(fixture.expected);
  });
});
