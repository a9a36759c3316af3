import { useEffect, useId, useRef, useState } from 'react';
import { importText } from '../../shared/import/import-text';
import { ImportError, type ImportedText } from '../../shared/import/imported-text';
import { IMPORT_EXTENSIONS, sourceFromBytes } from '../../shared/import/source-from-bytes';
import { isAdoptedSymbol } from '../../shared/model/text-meta';
import { useT, type Translate } from '../i18n/translate';
import { createNegotiationOnServer, type CreatedNegotiation } from '../session/create-negotiation';
import { serverCaller } from '../platform/server-api';
import { SessionRefused } from '../session/fetch-session';
import { JoinLinkCard, webJoinLink } from './room/JoinLinkCard';

const FIRST_WORDS = 12;

/** The paragraphs the importer found, each labelled, with its first words. */
export function previewParagraphs(imported: ImportedText, t: Translate): { label: string; words: string }[] {
  const first = (text: string): string => {
    const words = text.trim().split(/\s+/u);
    return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : words.join(' ');
  };
  return [
    ...imported.preamble.map((p, i) => ({ label: `PP${i + 1}`, words: first(p.text) })),
    ...imported.operative.map((p, i) => ({ label: `OP${p.number ?? i + 1}`, words: first(p.text) })),
    ...imported.annexes.flatMap((a) => a.paragraphs.map((p, i) => ({ label: t('new.annexLabel', { number: p.number ?? i + 1 }), words: first(p.text) }))),
  ];
}

/** What the importer found in a text, to confirm before creating a negotiation from it. */
export function ImportPreview({ imported }: { imported: ImportedText }) {
  const t = useT();
  const paragraphs = previewParagraphs(imported, t);
  const annex = imported.annexes.reduce((sum, a) => sum + a.paragraphs.length, 0);
  return (
    <section className="import-preview" aria-labelledby="import-preview-h">
      <h3 id="import-preview-h">{t('new.preview')}</h3>
      <dl>
        <dt>{t('new.symbol')}</dt>
        <dd>{imported.symbol ?? t('new.none')}</dd>
        {isAdoptedSymbol(imported.symbol) && <dd className="hint">{t('new.adoptedSymbol')}</dd>}
        <dt>{t('new.importedTitle')}</dt>
        <dd>{imported.title || t('new.none')}</dd>
      </dl>
      <ul className="import-counts">
        <li>{t('new.preambular', { count: imported.preamble.length })}</li>
        <li>{t('new.operative', { count: imported.operative.length })}</li>
        {annex > 0 && <li>{t('new.annex', { count: annex })}</li>}
        <li>{t('new.footnotes', { count: imported.footnotes.length })}</li>
      </ul>
      {paragraphs.length === 0 ? (
        <p className="problem">{t('new.empty')}</p>
      ) : (
        <ol className="import-paragraphs" aria-label={t('new.paragraphs')} tabIndex={0}>
          {paragraphs.map((p, i) => (
            <li key={i}>
              <b>{p.label}</b> {p.words}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Reads a chosen file in the browser and imports it; an ImportError's words when it cannot. */
export async function importFile(file: File): Promise<{ imported: ImportedText } | { error: string }> {
  try {
    const { text, format } = sourceFromBytes(file.name, new Uint8Array(await file.arrayBuffer()));
    return { imported: importText(text, { source: file.name, format }) };
  } catch (error) {
    if (error instanceof ImportError) return { error: error.message };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

interface DialogProps {
  httpUrl: string;
  token: string;
  /** Called with a co-facilitator token of the new negotiation. */
  onCreated(token: string): void;
  onClose(): void;
}

/** A modal dialog: a title, an optional text to import with its preview, then Create. */
export function NewNegotiationDialog({ httpUrl, token, onCreated, onClose }: DialogProps) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [names, setNames] = useState<[string, string]>(['', '']);
  const [reading, setReading] = useState(false);
  const [imported, setImported] = useState<ImportedText | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedNegotiation | null>(null);

  useEffect(() => {
    const d = dialog.current;
    // Modal: focus moves in, Escape closes, the page behind is inert; leaving the DOM ends it.
    if (d && !d.open) d.showModal();
  }, []);

  const choose = async (file: File | undefined) => {
    setImported(null);
    setImportProblem(null);
    if (!file) return;
    setReading(true);
    const result = await importFile(file);
    setReading(false);
    if ('error' in result) return setImportProblem(result.error);
    setImported(result.imported);
    setTitle((current) => current || result.imported.title);
  };

  const create = async () => {
    if (!title.trim()) return setProblem(t('new.needTitle'));
    setCreating(true);
    setProblem(null);
    try {
      setCreated(await createNegotiationOnServer(serverCaller(httpUrl, token), { title: title.trim(), imported, cofacilitators: names }));
    } catch (error) {
      setProblem(error instanceof SessionRefused ? t('new.refused', { reason: error.message }) : t('new.unreachable'));
      setCreating(false);
    }
  };

  if (created) {
    // Both co-facilitators' links, before the new negotiation opens: the second one is seen only here.
    const links = created.invitations.filter((i) => i.role === 'cofacilitator');
    const linkName = (name: string | null, n: number): string =>
      n === 0 ? (name ? t('new.linkYouNamed', { name }) : t('new.linkYou')) : name ? t('who.cofacilitatorNamed', { name }) : t('new.linkOther', { number: n + 1 });
    return (
      <dialog ref={dialog} className="new-negotiation" aria-labelledby={`${id}-h`} onClose={onClose}>
        <h2 id={`${id}-h`}>{t('new.created', { title: created.title })}</h2>
        <p>{t('new.createdIntro')}</p>
        {links.map((i, n) => (
          <JoinLinkCard key={i.token} name={linkName(i.name ?? null, n)} link={webJoinLink(httpUrl, i.token)} />
        ))}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={() => onCreated(links[0]?.token ?? created.invitations[0]!.token)}>
            {t('new.openCreated')}
          </button>
        </div>
      </dialog>
    );
  }

  return (
    <dialog ref={dialog} className="new-negotiation" aria-labelledby={`${id}-h`} aria-describedby={`${id}-intro`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id={`${id}-h`}>{t('new.heading')}</h2>
        <p id={`${id}-intro`}>{t('new.intro')}</p>
        <label>
          {t('new.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required aria-describedby={`${id}-problem`} />
        </label>
        <fieldset className="cofacilitator-names">
          <legend>{t('new.names')}</legend>
          <label>
            {t('new.nameYou')}
            <input value={names[0]} maxLength={100} onChange={(e) => setNames([e.target.value, names[1]])} />
          </label>
          <label>
            {t('new.nameOther')}
            <input value={names[1]} maxLength={100} onChange={(e) => setNames([names[0], e.target.value])} />
          </label>
        </fieldset>
        <label>
          {t('new.file')}
          <input type="file" accept={IMPORT_EXTENSIONS.join(',')} onChange={(e) => void choose(e.target.files?.[0])} aria-describedby={`${id}-import-problem`} />
        </label>
        {reading && <p role="status">{t('new.reading')}</p>}
        <p id={`${id}-import-problem`} role="alert" className="problem">
          {importProblem && t('new.importError', { reason: importProblem })}
        </p>
        {imported && <ImportPreview imported={imported} />}
        <p id={`${id}-problem`} role="alert" className="problem">
          {problem}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('new.cancel')}
          </button>
          <button type="submit" className="primary" disabled={creating || reading || importProblem !== null}>
            {creating ? t('new.creating') : t('new.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
