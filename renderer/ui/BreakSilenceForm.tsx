import { useState, type FormEvent } from 'react';
import { isShown } from '../../shared/model/labels';
import { currentLabels } from '../../shared/model/queries';
import { breakSilence } from '../../shared/model/silence-commands';
import { useT } from '../i18n/translate';
import { kindLabel } from './kind-label';
import { useConnection, useNegotiation } from '../store/connection-context';
import { useRun } from './errors';

/** A delegation breaks silence: it names the paragraphs and gives its reasons. One objection is enough. */
export function BreakSilenceForm() {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [reason, setReason] = useState('');
  const model = useNegotiation((n) => {
    const silence = n.table.silence();
    const labels = currentLabels(n);
    const epoch = n.table.epoch();
    const mine = silence.state === 'open' && actor.delegationId ? n.delegation(actor.delegationId).objection(silence.id) : null;
    return {
      open: silence.state === 'open',
      mine: mine ? { ...mine, labels: mine.paragraphs.map((id) => labels.get(id) || id) } : null,
      paragraphs: n.table
        .paragraphs()
        .filter((p) => isShown(p, epoch) && p.status.state !== 'deleted')
        .map((p) => ({ id: p.id, label: labels.get(p.id) || kindLabel(t, p.kind) })),
    };
  }, [actor.delegationId, t]);
  if (!model.open || actor.role !== 'delegation') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (run(() => (breakSilence(negotiation, actor, [...chosen], reason), true))) setReason('');
  };
  return (
    <section className="break-silence" aria-labelledby="break-h">
      <h2 id="break-h">{t('silence.breakHeading')}</h2>
      {model.mine && <p className="banner warn">{t('silence.youObjected', { labels: model.mine.labels.join(', '), reason: model.mine.reason })}</p>}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('silence.paragraphs')}</legend>
          <div className="choices">
            {model.paragraphs.map((p) => (
              <label key={p.id} className="inline">
                <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))} />
                {p.label}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          {t('silence.reason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        </label>
        <button type="submit" className="danger">
          {t('silence.break')}
        </button>
      </form>
    </section>
  );
}
