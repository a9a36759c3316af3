import { useRef, useState } from 'react';
import { isNonAttributed, setNonAttributed } from '../../shared/model/reading-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { closeSilence } from '../../shared/model/silence-commands';
import { useT } from '../i18n/translate';
import { revisionWords } from './format';
import { useConnection, useNegotiation } from '../store/connection-context';
import { useRun } from './errors';
import { SilenceObjections } from './SilenceObjections';
import { SilenceOpenForm } from './SilenceOpenForm';

/** The co-facilitators' tools for the whole text: issue the next revision, open and close silence. */
export function FacilitatorBar() {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const [note, setNote] = useState('');
  const { revisions, silence, anonymous } = useNegotiation((n) => ({ revisions: n.table.revisions(), silence: n.table.silence(), anonymous: isNonAttributed(n.table) }));
  const latest = revisions[revisions.length - 1];
  // Opening or closing silence replaces the controls used: the focus goes back to these tools, not to the page.
  const bar = useRef<HTMLElement>(null);
  const refocus = () => bar.current?.focus();
  return (
    <section ref={bar} tabIndex={-1} className="facilitator-bar" aria-labelledby="fac-h">
      <h2 id="fac-h">{t('fac.heading')}</h2>
      <p>{latest ? t('fac.revisions', { count: revisions.length, name: revisionWords(latest, t) }) : t('fac.noRevision')}</p>
      <label className="inline">
        <input type="checkbox" checked={anonymous} onChange={(e) => run(() => setNonAttributed(negotiation, actor, e.target.checked))} />
        {t('reading.nonAttributed')}
      </label>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (run(() => issueRevision(negotiation, actor, note.trim() || null))) setNote('');
        }}
      >
        <label>
          {t('fac.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">{revisions.length === 0 ? t('fac.issueZeroDraft') : t('fac.issue', { name: `Rev.${revisions.length}` })}</button>
      </form>
      {silence.state === 'open' ? (
        <div>
          <SilenceObjections />
          <button type="button" onClick={() => run(() => (closeSilence(negotiation, actor), true)) && refocus()}>
            {t('fac.closeSilence')}
          </button>
        </div>
      ) : (
        <SilenceOpenForm onOpened={refocus} />
      )}
    </section>
  );
}
