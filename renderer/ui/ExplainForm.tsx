import { useEffect, useId, useRef, useState } from 'react';
import { explainProposal } from '../../shared/model/proposal-commands';
import type { Proposal } from '../../shared/model/proposal';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import { useRun } from './errors';

/**
 * A delegation's own open proposal given its rationale and agreed-language source after it was made (a
 * suggestion typed in the text has neither): a button that opens a small form in place; Escape or
 * Cancel closes it and gives the focus back to the button.
 */
export function ExplainForm({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const id = useId();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [rationale, setRationale] = useState(proposal.rationale ?? '');
  const [source, setSource] = useState(proposal.source ?? '');
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  // Escape closes this form only, not the suggestion's card around it (which listens on itself, natively).
  useEffect(() => {
    const el = form.current;
    if (!open || !el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      requestAnimationFrame(() => opener.current?.focus());
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) {
    return (
      <button
        type="button"
        ref={opener}
        onClick={() => (setRationale(proposal.rationale ?? ''), setSource(proposal.source ?? ''), setOpen(true))}
      >
        {t(proposal.rationale || proposal.source ? 'proposal.explainChange' : 'proposal.explain')}
      </button>
    );
  }
  return (
    <form
      ref={form}
      className="explain-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (run(() => (explainProposal(negotiation, actor, proposal.id, { rationale, source }), true))) close();
      }}
    >
      <p id={`${id}-h`} className="explain-heading">
        {t('proposal.explainHeading')}
      </p>
      <label>
        {t('propose.rationale')}
        <textarea value={rationale} rows={2} autoFocus onChange={(e) => setRationale(e.target.value)} />
      </label>
      <label>
        {t('propose.source')}
        <input value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {t('proposal.explainSave')}
        </button>
        <button type="button" onClick={close}>
          {t('propose.cancel')}
        </button>
      </div>
    </form>
  );
}
