import { useState, type FormEvent } from 'react';
import { reopen, setStatus } from '../../shared/model/facilitator-commands';
import type { Paragraph } from '../../shared/model/paragraph';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import { dateTimeISO, NO_DATE_TIME } from './date-time';
import { DateTimeField } from './DateTimeField';
import { useRun } from './errors';

/** A co-facilitator sets a paragraph's status: open, agreed ad ref (pending whom, until when), agreed; or reopens it. */
export function StatusControl({ paragraph, label }: { paragraph: Paragraph; label: string }) {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const [state, setState] = useState<'open' | 'adref' | 'agreed'>(paragraph.status.state === 'deleted' ? 'open' : paragraph.status.state);
  const [pending, setPending] = useState<string[]>(paragraph.status.state === 'adref' ? paragraph.status.pending : []);
  const [deadline, setDeadline] = useState(NO_DATE_TIME);
  const roster = negotiation.table.roster().filter((d) => d.kind !== 'group');
  // The control is made anew for the new status: the focus goes to the paragraph, not to nowhere.
  const changed = (from: Element, command: () => void) => {
    if (run(() => (command(), true))) from.closest<HTMLElement>('article')?.focus();
  };
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    changed(event.currentTarget, () => setStatus(negotiation, actor, paragraph.id, state === 'adref' ? { state, pending, deadline: dateTimeISO(deadline) } : { state }));
  };
  if (paragraph.status.state === 'agreed' || paragraph.status.state === 'deleted') {
    return (
      <button type="button" onClick={(e) => changed(e.currentTarget, () => reopen(negotiation, actor, paragraph.id))}>
        {t('fac.reopen')}
      </button>
    );
  }
  return (
    <form className="status-control" onSubmit={apply}>
      <label>
        {t('fac.setStatus', { label })}
        <select value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="open">{t('status.open')}</option>
          <option value="adref">{t('status.adref')}</option>
          <option value="agreed">{t('status.agreed')}</option>
        </select>
      </label>
      {state === 'adref' && (
        <>
          <label>
            {t('fac.pending')}
            <select multiple value={pending} onChange={(e) => setPending([...e.target.selectedOptions].map((o) => o.value))} size={Math.min(4, roster.length)}>
              {roster.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <DateTimeField label={t('fac.deadline')} value={deadline} onChange={setDeadline} />
        </>
      )}
      <button type="submit">{t('fac.apply')}</button>
    </form>
  );
}
