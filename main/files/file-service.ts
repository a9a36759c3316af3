import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import type { ExportChoice, OpenedNegotiation } from '../../shared/ipc/contract';
import { exportKindName } from '../../shared/export/export-kind-name';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';
import { decodePenholderFile, encodePenholderFile } from '../../shared/model/penholder-file';
import type { LocalStore } from '../store/local-store';
import { storedNegotiation } from '../store/stored-negotiation';

/** A file filter for the dialogs. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native file dialogs (Electron's dialog module in the app; scripted in tests). Null: cancelled. */
export interface FileDialogs {
  showOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  showSave(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

/** Reads a text to import from a file: .txt and .md as they are; .docx as Markdown. */
export type ReadSource = (filePath: string) => Promise<{ text: string; format: 'txt' | 'md' }>;

/** The exports (shared/export's exportBytes), injected. */
export type ExportBytes = (negotiation: Negotiation, choice: ExportChoice) => Promise<Uint8Array>;

/** A file could not be opened or saved; the message says why in words a delegate understands. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

const PENHOLDER: FileFilter = { name: 'Penholder negotiation', extensions: ['penholder'] };
const MAX_FILE = 256 * 1024 * 1024;

/**
 * Opens and saves `.penholder` files, imports texts and writes exports, on the local store. Opening
 * merges the file into what is kept (Yjs merges losslessly, so reopening an older copy loses nothing);
 * a damaged file is refused with a clear message before anything is touched. Saving writes a temporary
 * file beside the target, flushes it and renames it over the target, so that a crash or a full disk
 * never leaves a half-written negotiation in place of the good one.
 */
export class FileService {
  constructor(
    private readonly deps: { store: LocalStore; dialogs: FileDialogs; readSource: ReadSource; exportBytes: ExportBytes; documentsDir: string },
  ) {}

  async open(): Promise<OpenedNegotiation | null> {
    const file = await this.deps.dialogs.showOpen({ title: 'Open a negotiation', filters: [PENHOLDER] });
    return file ? this.openPath(file) : null;
  }

  /** Opens a .penholder file by path (a double-click, the dialog, the recent list). */
  async openPath(filePath: string): Promise<OpenedNegotiation> {
    const name = path.basename(filePath);
    let content: string;
    try {
      const stat = await fs.stat(filePath);
      if (stat.size > MAX_FILE) throw new FileError(`“${name}” is too large to be a Penholder file (${Math.round(stat.size / 1048576)} MB).`);
      content = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if (error instanceof FileError) throw error;
      throw new FileError(`“${name}” could not be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message}.`);
    }
    let negotiation: Negotiation;
    try {
      negotiation = decodePenholderFile(content);
    } catch (error) {
      throw new FileError(`“${name}” could not be opened. ${(error as Error).message} Nothing on this computer was changed.`);
    }
    this.keep(negotiation);
    const title = negotiation.table.meta().title;
    this.deps.store.remember({ negotiationId: negotiation.id, title, filePath });
    return { negotiationId: negotiation.id, title, filePath };
  }

  /** Saves a kept negotiation to its file (or asks where); null when the dialog is cancelled. */
  async save(negotiationId: string, options: { saveAs: boolean; includePrivate: boolean }): Promise<{ filePath: string } | null> {
    const negotiation = this.negotiation(negotiationId);
    const title = negotiation.table.meta().title;
    const known = this.deps.store.negotiation(negotiationId)?.filePath ?? null;
    const target =
      !options.saveAs && known
        ? known
        : await this.deps.dialogs.showSave({ title: 'Save the negotiation', defaultPath: path.join(this.deps.documentsDir, `${safeName(title)}.penholder`), filters: [PENHOLDER] });
    if (!target) return null;
    const filePath = target.endsWith('.penholder') ? target : `${target}.penholder`;
    await writeAtomically(filePath, encodePenholderFile(negotiation, { includePrivate: options.includePrivate }));
    this.deps.store.remember({ negotiationId, title, filePath });
    return { filePath };
  }

  /** Imports a .txt, .md or .docx text as a new negotiation kept on this computer. */
  async importText(): Promise<OpenedNegotiation | null> {
    const file = await this.deps.dialogs.showOpen({ title: 'Import a text', filters: [{ name: 'UN text (Word, text, Markdown)', extensions: ['docx', 'txt', 'md'] }] });
    return file ? this.importPath(file) : null;
  }

  async importPath(filePath: string): Promise<OpenedNegotiation> {
    let source: { text: string; format: 'txt' | 'md' };
    try {
      source = await this.deps.readSource(filePath);
    } catch (error) {
      throw new FileError(`“${path.basename(filePath)}” could not be imported: ${(error as Error).message}`);
    }
    const negotiation = negotiationFromImport(importText(source.text, { source: filePath, format: source.format }));
    this.keep(negotiation);
    const title = negotiation.table.meta().title;
    this.deps.store.remember({ negotiationId: negotiation.id, title, filePath: null });
    return { negotiationId: negotiation.id, title, filePath };
  }

  /** Exports the clean text, the compilation text or a redline; null when the dialog is cancelled. */
  async export(negotiationId: string, choice: ExportChoice): Promise<{ filePath: string; bytes: number } | null> {
    const negotiation = this.negotiation(negotiationId);
    const extension = choice.format === 'akn' ? 'xml' : choice.format;
    const suggested = `${safeName(negotiation.table.meta().title)} - ${exportKindName(choice)}.${extension}`;
    const target = await this.deps.dialogs.showSave({ title: 'Export', defaultPath: path.join(this.deps.documentsDir, suggested), filters: [{ name: choice.format.toUpperCase(), extensions: [extension] }] });
    if (!target) return null;
    const bytes = await this.deps.exportBytes(negotiation, choice);
    await writeAtomically(target, bytes);
    return { filePath: target, bytes: bytes.length };
  }

  private negotiation(negotiationId: string): Negotiation {
    const negotiation = storedNegotiation(this.deps.store, negotiationId);
    if (!negotiation) throw new FileError(`The negotiation "${negotiationId}" is not kept on this computer.`);
    return negotiation;
  }

  private keep(negotiation: Negotiation): void {
    const documents = new Map<string, Uint8Array>();
    for (const [docPath, doc] of negotiation.documents()) documents.set(docPath, Y.encodeStateAsUpdate(doc));
    this.deps.store.putDocuments(negotiation.id, documents);
  }
}

/** Writes a file through a flushed temporary file renamed over the target. */
export async function writeAtomically(filePath: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'w', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw new FileError(`The file could not be written (${(error as Error).message}); the previous copy is untouched.`);
  }
  await handle.close();
  await fs.rename(temp, filePath);
}

/** A title as a file name. */
export function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Negotiation';
}
