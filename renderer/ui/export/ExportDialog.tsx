import { useEffect, useId, useRef, useState } from 'react';
import type { ExportKind } from './export-requests';
import { runExport, type ExportOutcome } from './run-export';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/export-bytes';
import { CommandRefused } from '../../../shared/model/command-refused';
import { useT } from '../../i18n/translate';
import { revisionWords } from '../format';
import { useConnection, useNegotiation } from '../../store/connection-context';

const KINDS: ExportKind[] = ['clean', 'compilation', 'redline'];

type Progress = { state: 'idle' } | { state: 'working' } | { state: 'done'; outcome: ExportOutcome } | { state: 'failed'; notClean: boolean; detail: string };

/** A revision picker's value: "current", "original" or a revision number. */
const revisionValue = (v: string): number | 'current' | 'original' => (v === 'current' || v === 'original' ? v : Number(v));

/**
 * The export dialog: which document (the clean text or a draft of it, at any revision; the compilation
 * text; the changes between any two revisions), the format (DOCX, PDF, HTML, Akoma Ntoso), the language
 * of the document's furniture; progress, then the file downloaded or the print dialog open, or what
 * went wrong and what to do. Modal, keyboard-reachable throughout; Escape closes it.
 */
export function ExportDialog({ initialKind, onClose }: { initialKind: ExportKind; onClose(): void }) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { negotiation } = useConnection();
  const { revisions, language: textLanguage, hasOriginal, textAgendaItem } = useNegotiation((n) => ({ revisions: n.table.revisions().map((r) => ({ number: r.number, name: r.name })), language: n.table.meta().language, hasOriginal: n.table.original() !== null, textAgendaItem: n.table.meta().agendaItem ?? '' }));
  const [kind, setKind] = useState<ExportKind>(initialKind);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [language, setLanguage] = useState<'en' | 'fr'>(textLanguage);
  const [draft, setDraft] = useState(false);
  const [target, setTarget] = useState('current');
  const [base, setBase] = useState(revisions.length > 0 ? '0' : 'original');
  // The agenda item the imported text named, shown as it will be printed; emptied, the masthead names none.
  const [agendaItem, setAgendaItem] = useState(textAgendaItem);
  const [layout, setLayout] = useState<'table' | 'inline'>('table');
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => setKind(initialKind), [initialKind]);

  const aknRefused = kind === 'redline' && format === 'akn';
  const submit = async () => {
    setProgress({ state: 'working' });
    const revision = revisionValue(target);
    try {
      const outcome = await runExport(negotiation, {
        kind,
        format,
        language,
        agendaItem: agendaItem.trim(),
        ...(kind === 'clean' ? { draft } : {}),
        ...(kind === 'compilation' ? { layout } : {}),
        ...(kind !== 'compilation' && typeof revision === 'number' ? { revision } : {}),
        ...(kind === 'redline' ? { base: revisionValue(base) as number | 'original' } : {}),
      });
      setProgress({ state: 'done', outcome });
    } catch (error) {
      const refused = error instanceof CommandRefused;
      setProgress({ state: 'failed', notClean: refused && kind === 'clean' && error.code === 'invalid', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const revisionOptions = (withOriginal: boolean, withCurrent: boolean) => [
    ...(withCurrent ? [<option key="current" value="current">{t('export.current')}</option>] : []),
    ...(withOriginal && hasOriginal ? [<option key="original" value="original">{t('export.original')}</option>] : []),
    ...revisions.map((r) => (
      <option key={r.number} value={String(r.number)}>
        {revisionWords(r, t)}
      </option>
    )),
  ];

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={`${id}-h`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-h`}>{t('export.heading')}</h2>
        <fieldset>
          <legend>{t('export.what')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`export.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'clean' && (
          <>
            <label>
              {t('export.revision')}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                {revisionOptions(false, true)}
              </select>
            </label>
            <label className="choice">
              <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
              {t('export.draft')}
            </label>
          </>
        )}
        {kind === 'compilation' && (
          <fieldset>
            <legend>{t('export.layout')}</legend>
            {(['table', 'inline'] as const).map((l) => (
              <label key={l} className="choice">
                <input type="radio" name={`${id}-layout`} value={l} checked={layout === l} onChange={() => setLayout(l)} />
                {t(`compilation.${l}`)}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'redline' && (
          <div className="export-range">
            <label>
              {t('export.base')}
              <select value={base} onChange={(e) => setBase(e.target.value)}>
                {revisionOptions(true, false)}
              </select>
            </label>
            <label>
              {t('export.target')}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                {revisionOptions(false, true)}
              </select>
            </label>
          </div>
        )}
        <fieldset>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="choice">
              <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(`export.format.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('export.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'fr')}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        {format === 'docx' && (
          <label>
            {t('export.agendaItem')}
            <input value={agendaItem} onChange={(e) => setAgendaItem(e.target.value)} placeholder="111" />
          </label>
        )}
        <div role="status" className="export-progress">
          {progress.state === 'working' && t('export.working')}
          {progress.state === 'done' && outcomeText(progress.outcome, t)}
        </div>
        <div role="alert" className="problem">
          {aknRefused && t('export.aknNoRedline')}
          {progress.state === 'failed' && (
            <>
              <p>{progress.notClean ? t('export.notClean') : t('export.failed')}</p>
              <pre lang="en">{progress.detail}</pre>
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('export.close')}
          </button>
          <button type="submit" className="primary" disabled={progress.state === 'working' || aknRefused}>
            {progress.state === 'working' ? t('export.working') : t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** What an export did, in words. */
function outcomeText(outcome: ExportOutcome, t: ReturnType<typeof useT>): string {
  const size = (bytes: number) => Math.max(1, Math.round(bytes / 1024));
  switch (outcome.done) {
    case 'printing':
      return t('export.printing');
    case 'downloaded':
      return t('export.downloaded', { file: outcome.fileName, size: size(outcome.bytes) });
    case 'saved':
      return t('export.saved', { file: outcome.filePath, size: size(outcome.bytes) });
    case 'cancelled':
      return t('export.cancelled');
  }
}
