import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError, FileService, type FileDialogs } from '../../main/files/file-service';
import { strToU8, zipSync } from 'fflate';
import { readSourceFile } from '../../main/files/read-source-file';
import { exportBytes } from '../../shared/export/export-bytes';
import { storedNegotiation } from '../../main/store/stored-negotiation';
import { LocalStore } from '../../main/store/local-store';
import { plainParagraph } from '../../shared/text/rich-text';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { encodePenholderFile } from '../../shared/model/penholder-file';
import { storeWithDemo, tempDir } from './fixtures';

/** Dialogs that answer from a script, and record what they were asked. */
function scripted(answers: (string | null)[]): FileDialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    showOpen: async (o) => (asked.push(`open: ${o.title}`), answers.shift() ?? null),
    showSave: async (o) => (asked.push(`save: ${o.defaultPath}`), answers.shift() ?? null),
  };
}

const service = (store: LocalStore, dialogs: FileDialogs, documentsDir: string) => new FileService({ store, dialogs, readSource: readSourceFile, exportBytes: (n, c) => exportBytes(n, c), documentsDir });

describe('.penholder files', () => {
  it('saves and opens a negotiation on another computer, round trip', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const target = path.join(dir, 'declaration.penholder');
    const dialogs = scripted([target]);
    const files = service(store, dialogs, dir);
    expect(await files.save(negotiationId, { saveAs: false, includePrivate: false })).toEqual({ filePath: target });
    expect(dialogs.asked[0]).toMatch(/^save: .*Political declaration.*\.penholder$/);
    // Saving again goes to the same file without asking.
    await files.save(negotiationId, { saveAs: false, includePrivate: false });
    expect(dialogs.asked).toHaveLength(1);

    const elsewhere = new LocalStore(path.join(tempDir('other'), 'local.sqlite'));
    const opened = await service(elsewhere, scripted([target]), dir).open();
    expect(opened).toMatchObject({ negotiationId, filePath: target });
    const a = storedNegotiation(store, negotiationId)!;
    const b = storedNegotiation(elsewhere, negotiationId)!;
    expect(b.table.paragraphs()).toEqual(a.table.paragraphs());
    expect(b.delegation('european-union').proposals()).toEqual(a.delegation('european-union').proposals());
    expect(elsewhere.recent()[0]).toMatchObject({ negotiationId, filePath: target });
  });

  it('refuses a corrupted or truncated file with a clear message and changes nothing', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const files = service(store, scripted([]), dir);
    const before = store.load(`${negotiationId}/table`);
    const good = encodePenholderFile(storedNegotiation(store, negotiationId)!);
    const cases: [string, string, RegExp][] = [
      ['truncated.penholder', good.slice(0, good.length / 2), /“truncated\.penholder” could not be opened\. This is not a Penholder file \(it is not JSON\)\. Nothing on this computer was changed\./],
      ['damaged.penholder', good.replace(/"table": "[^"]{20}/, '"table": "AAAAAAAAAAAAAAAAAAAA'), /damaged|could not be opened/],
      ['word.penholder', 'PK\u0003\u0004 not a penholder file', /not JSON/],
      ['future.penholder', JSON.stringify({ format: 'penholder', version: 9, id: 'x', documents: {} }), /version 9/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      await expect(files.openPath(file)).rejects.toThrow(message);
      await expect(files.openPath(file)).rejects.toBeInstanceOf(FileError);
      expect(fs.readFileSync(file, 'utf8')).toBe(content); // the file itself is left as it was
    }
    await expect(files.openPath(path.join(dir, 'missing.penholder'))).rejects.toThrow(/“missing\.penholder” could not be read: the file does not exist/);
    expect(store.load(`${negotiationId}/table`)).toEqual(before);
    expect(store.recent().map((r) => r.negotiationId)).toEqual([negotiationId]);
  });

  it('never leaves a half-written file: a failed save keeps the previous copy', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const target = path.join(dir, 'kept.penholder');
    const files = service(store, scripted([target]), dir);
    await files.save(negotiationId, { saveAs: false, includePrivate: false });
    const saved = fs.readFileSync(target, 'utf8');

    // The text changes, then the save fails (the directory became read-only).
    replaceParagraphText(storedNegotiation(store, negotiationId)!, { role: 'cofacilitator', delegationId: null }, 'p-report', 'Changed.');
    fs.chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() === 0) return; // root writes anywhere; nothing to show
      await expect(files.save(negotiationId, { saveAs: false, includePrivate: false })).rejects.toThrow();
    } finally {
      fs.chmodSync(dir, 0o700);
    }
    expect(fs.readFileSync(target, 'utf8')).toBe(saved);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('imports a Markdown text as a new negotiation, and exports the compilation text', async () => {
    const { store, dir } = storeWithDemo();
    const source = path.resolve(import.meta.dirname, '../fixtures/import/en-resolution.md');
    const exported = path.join(dir, 'compilation.html');
    const files = service(store, scripted([source, exported]), dir);
    const imported = await files.importText();
    expect(imported!.title.length).toBeGreaterThan(5);
    const negotiation = storedNegotiation(store, imported!.negotiationId)!;
    expect(negotiation.table.paragraphs().length).toBeGreaterThan(2);
    expect(plainParagraph(negotiation.table.paragraphs()[0]!.text).text.length).toBeGreaterThan(10);
    expect(await files.export(imported!.negotiationId, { kind: 'compilation', format: 'html' })).toEqual({ filePath: exported, bytes: fs.statSync(exported).size });
    expect(fs.readFileSync(exported, 'utf8')).toMatch(/<html/i);
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const docx = path.join(dir, 'draft.docx');
    fs.writeFileSync(docx, zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${p('Our common agenda')}${p('The General Assembly,')}${p('Recalling its resolution 75/1,')}${p('1. Decides to meet;')}${p('2. Requests a report.')}</w:body></w:document>`) }));
    const fromWord = await files.importPath(docx);
    expect(storedNegotiation(store, fromWord!.negotiationId)!.table.paragraphs()).toHaveLength(3);
    fs.writeFileSync(path.join(dir, 'x.docx'), 'not a zip');
    await expect(files.importPath(path.join(dir, 'x.docx'))).rejects.toThrow(/could not be imported: .*not a readable \.docx/);
  });

  it('refuses every corrupted byte of a file the app saved (its checksum), where Yjs alone would take some in silently', async () => {
    const { store, dir, negotiationId } = storeWithDemo();
    const target = path.join(dir, 'sealed.penholder');
    const files = service(store, scripted([target]), dir);
    await files.save(negotiationId, { saveAs: false, includePrivate: false });
    const sealed = JSON.parse(fs.readFileSync(target, 'utf8')) as { sha256: string; documents: Record<string, string> };
    expect(sealed.sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const before = store.load(`${negotiationId}/table`);
    const bytes = Buffer.from(sealed.documents.table!, 'base64');
    for (let i = 0; i < 40; i++) {
      const damaged = Buffer.from(bytes);
      const at = Math.floor((i / 40) * damaged.length);
      damaged[at] = damaged[at]! ^ 0x24;
      const file = path.join(dir, `flip-${i}.penholder`);
      fs.writeFileSync(file, JSON.stringify({ ...sealed, documents: { ...sealed.documents, table: damaged.toString('base64') } }));
      await expect(files.openPath(file)).rejects.toThrow(/could not be opened/);
    }
    expect(store.load(`${negotiationId}/table`)).toEqual(before);
    // A sealed file opens; so does one written by the command line (no checksum).
    await expect(files.openPath(target)).resolves.toMatchObject({ negotiationId });
    const unsealed = path.join(dir, 'cli.penholder');
    fs.writeFileSync(unsealed, encodePenholderFile(storedNegotiation(store, negotiationId)!));
    await expect(files.openPath(unsealed)).resolves.toMatchObject({ negotiationId });
  });
});
