import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { adRefProgress, settleAdRef } from '../../shared/model/ad-ref';
import { addAlternative, bracket, deleteParagraph, moveParagraph, unbracket } from '../../shared/model/facilitator-commands';
import type { Paragraph } from '../../shared/model/paragraph';
import { flatText } from '../../shared/text/rich-text';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import type { FlatSpan } from './editor-plugins';
import { useRun } from './errors';
import { MoveTarget } from './MoveTarget';
import { BRACKET_KEYS, bodyWords, innermostBracket, rewordBody } from './wording';

/** Bracketing and unbracketing the words selected in a paragraph, for the buttons and the shortcuts. */
export function useBracketTools(paragraph: Paragraph, selection: RefObject<FlatSpan | null>): { bracket(): void; unbracket(): void } {
  const run = useRun();
  const { negotiation, actor } = useConnection();
  return {
    bracket: useCallback(() => {
      const s = selection.current;
      run(() => bracket(negotiation, actor, paragraph.id, s?.from ?? 0, s?.to ?? 0));
    }, [run, negotiation, actor, paragraph.id, selection]),
    unbracket: useCallback(() => {
      const s = selection.current ?? { from: 0, to: 0 };
      const span = innermostBracket(flatText(negotiation.table.paragraph(paragraph.id)?.text ?? paragraph.text), s);
      run(() => unbracket(negotiation, actor, paragraph.id, span?.start ?? -1));
    }, [run, negotiation, actor, paragraph.id, paragraph.text, selection]),
  };
}

type Open = 'alternative' | 'move' | 'delete' | null;

/** A co-facilitator's tools on one paragraph: brackets, an alternative, move, delete, settle ad ref. */
export function FacilitatorTools({ paragraph, label, selection }: { paragraph: Paragraph; label: string; selection: RefObject<FlatSpan | null> }) {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const tools = useBracketTools(paragraph, selection);
  const [open, setOpen] = useState<Open>(null);
  const [wording, setWording] = useState('');
  const [after, setAfter] = useState('');
  const opener = useRef<HTMLButtonElement | null>(null);
  const progress = adRefProgress(negotiation, paragraph.id);
  if (paragraph.status.state === 'agreed' || paragraph.status.state === 'deleted') return null;
  const toggle = (which: Open, button: HTMLButtonElement) => {
    opener.current = button;
    setOpen(open === which ? null : which);
    if (which === 'alternative') setWording(bodyWords(paragraph.text));
  };
  // Escape closes what is open and gives the focus back to the button that opened it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || open === null) return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(null);
    opener.current?.focus();
  };
  const addAlt = (e: FormEvent) => {
    e.preventDefault();
    if (run(() => (addAlternative(negotiation, actor, paragraph.id, rewordBody(paragraph.text, wording.trim())), true))) setOpen(null);
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    if (run(() => (moveParagraph(negotiation, actor, paragraph.id, after === '' ? null : after), true))) setOpen(null);
  };
  return (
    <div className="facilitator-tools" onKeyDown={onKeyDown}>
      <div className="tool-row">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={tools.bracket} aria-keyshortcuts={BRACKET_KEYS.bracket} title={t('tools.bracketHint')}>
          {t('tools.bracket')}
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={tools.unbracket} aria-keyshortcuts={BRACKET_KEYS.unbracket} title={t('tools.unbracketHint')}>
          {t('tools.unbracket')}
        </button>
        <button type="button" aria-expanded={open === 'alternative'} onClick={(e) => toggle('alternative', e.currentTarget)}>
          {t('tools.alternative')}
        </button>
        <button type="button" aria-expanded={open === 'move'} onClick={(e) => toggle('move', e.currentTarget)}>
          {t('tools.move')}
        </button>
        <button type="button" className="danger" aria-expanded={open === 'delete'} onClick={(e) => toggle('delete', e.currentTarget)}>
          {t('tools.delete')}
        </button>
        {progress?.settled && (
          <button type="button" className="primary" onClick={() => run(() => settleAdRef(negotiation, actor, paragraph.id))}>
            {t('tools.settle')}
          </button>
        )}
      </div>
      {open === 'delete' && (
        <div className="tool-form confirm" role="alertdialog" aria-label={t('tools.deleteConfirm', { label })}>
          <p>{t('tools.deleteConfirm', { label })}</p>
          <div className="actions">
            <button type="button" className="danger" autoFocus onClick={() => run(() => (deleteParagraph(negotiation, actor, paragraph.id), true)) && setOpen(null)}>
              {t('tools.deleteYes', { label })}
            </button>
            <button type="button" onClick={() => (setOpen(null), opener.current?.focus())}>
              {t('tools.deleteNo')}
            </button>
          </div>
        </div>
      )}
      {open === 'alternative' && (
        <form className="tool-form" onSubmit={addAlt}>
          <label>
            {t('tools.alternativeWording', { label })}
            <textarea value={wording} onChange={(e) => setWording(e.target.value)} rows={3} required autoFocus />
          </label>
          <button type="submit" className="primary">
            {t('tools.addAlternative')}
          </button>
        </form>
      )}
      {open === 'move' && (
        <form className="tool-form" onSubmit={move} aria-label={t('tools.moveAfter', { label })}>
          <MoveTarget paragraphId={paragraph.id} value={after} onChange={setAfter} />
          <button type="submit" className="primary">
            {t('tools.moveSubmit')}
          </button>
        </form>
      )}
    </div>
  );
}
