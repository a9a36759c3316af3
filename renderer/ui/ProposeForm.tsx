import { useId, useState, type FormEvent } from 'react';
import type { ProposalKind } from '../../shared/model/proposal';
import { draftProposal, propose, type ProposalInput } from '../../shared/model/proposal-commands';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import { useRun } from './errors';
import type { FlatSpan } from './editor-plugins';
import { MoveTarget } from './MoveTarget';

type FormKind = ProposalKind;
const KINDS: FormKind[] = ['replace', 'insert', 'delete', 'bracket', 'new-paragraph', 'alternative', 'delete-paragraph', 'move-paragraph'];

/** Where the quoted words are: the span given when it still quotes them, else their only occurrence. */
export function locateQuote(flat: string, quote: string, hint: FlatSpan | null): { from: number; to: number } | null {
  if (hint && flat.slice(hint.from, hint.to) === quote) return { from: hint.from, to: hint.to };
  const at = flat.indexOf(quote);
  return at < 0 ? null : { from: at, to: at + quote.length };
}

interface Props {
  paragraphId: string;
  label: string;
  /** The paragraph's flat text now. */
  flat: string;
  /** The selected words, if any. */
  initial: FlatSpan | null;
  /** The kind of change chosen already (from the context menu on the selection), and the words it proposes. */
  preset?: { kind: FormKind; text?: string } | null;
  onDone(): void;
}

/** A delegation proposes a change to one paragraph, submitted at once or kept as a private draft. */
export function ProposeForm({ paragraphId, label, flat, initial, preset = null, onDone }: Props) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const { negotiation, actor } = useConnection();
  const quoted = initial ? flat.slice(initial.from, initial.to) : '';
  const [kind, setKind] = useState<FormKind>(preset?.kind ?? 'replace');
  const [quote, setQuote] = useState(quoted);
  const [text, setText] = useState(preset?.text ?? '');
  const [paragraph, setParagraph] = useState('');
  const [rationale, setRationale] = useState('');
  const [source, setSource] = useState('');
  const [behalf, setBehalf] = useState('');
  const [moveAfter, setMoveAfter] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const groups = negotiation.table.roster().filter((d) => d.kind === 'group' && d.chair === actor.delegationId);
  const span = kind === 'replace' || kind === 'delete' || kind === 'bracket';

  const input = (): ProposalInput | null => {
    const base = { kind, paragraphId, rationale, source, onBehalfOf: behalf || null };
    if (kind === 'new-paragraph' || kind === 'alternative') return { ...base, paragraph };
    if (kind === 'delete-paragraph') return base;
    if (kind === 'move-paragraph') return { ...base, moveAfter: moveAfter || null };
    if (kind === 'insert') {
      // After the quoted words (the selection, when they are still the selected ones), which the proposal
      // quotes; at the start when none. The model spaces the words, as it does when the proposal is accepted.
      const after = quote.trim() === '' ? { from: 0, to: 0 } : locateQuote(flat, quote, initial);
      if (!after) return setProblem(t('propose.quoteMissing', { quote })), null;
      return { ...base, from: after.from, to: after.to, text };
    }
    const at = locateQuote(flat, quote, initial);
    if (!at) return setProblem(t('propose.quoteMissing', { quote })), null;
    return { ...base, from: at.from, to: at.to, ...(kind === 'replace' ? { text } : {}) };
  };

  const submit = (asDraft: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
    const proposal = input();
    if (!proposal) return;
    const done = run(() => (asDraft ? draftProposal : propose)(negotiation, actor, proposal));
    if (done) onDone();
  };

  return (
    <form className="propose" onSubmit={submit(false)} aria-labelledby={`${id}-h`} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone())}>
      <h3 id={`${id}-h`}>{t('propose.heading', { label })}</h3>
      <label>
        {t('propose.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as FormKind)} autoFocus={!preset}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`propose.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {(span || kind === 'insert') && (
        <label>
          {t(kind === 'insert' ? 'propose.after' : 'propose.quote')}
          <input name="quote" value={quote} onChange={(e) => setQuote(e.target.value)} required={span} />
        </label>
      )}
      {(kind === 'replace' || kind === 'insert') && (
        <label>
          {t('propose.text')}
          <input name="text" value={text} onChange={(e) => setText(e.target.value)} required autoFocus={!!preset} />
        </label>
      )}
      {(kind === 'new-paragraph' || kind === 'alternative') && (
        <label>
          {t('propose.paragraph')}
          <textarea name="paragraph" value={paragraph} onChange={(e) => setParagraph(e.target.value)} required rows={3} />
        </label>
      )}
      {kind === 'move-paragraph' && <MoveTarget paragraphId={paragraphId} value={moveAfter} onChange={setMoveAfter} />}
      <label>
        {t('propose.rationale')}
        <input name="rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      <label>
        {t('propose.source')}
        <input name="source" value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      {groups.length > 0 && (
        <label>
          {t('propose.onBehalf')}
          <select value={behalf} onChange={(e) => setBehalf(e.target.value)}>
            <option value="">{t('propose.ownName', { name: negotiation.table.delegation(actor.delegationId ?? '')?.name ?? '' })}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && <p className="problem" role="alert">{problem}</p>}
      <div className="actions">
        <button type="submit" className="primary" autoFocus={preset?.kind === 'delete' || preset?.kind === 'bracket'}>
          {t('propose.submit')}
        </button>
        <button type="button" onClick={submit(true)}>
          {t('propose.draft')}
        </button>
        <button type="button" onClick={onDone}>
          {t('propose.cancel')}
        </button>
      </div>
    </form>
  );
}
