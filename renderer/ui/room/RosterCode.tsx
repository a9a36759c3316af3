import { useEffect, useRef, useState } from 'react';
import { setDelegationCode } from '../../../shared/model/meta-commands';
import { rosterCode, type Delegation } from '../../../shared/model/roster';
import { useT } from '../../i18n/translate';
import { useConnection } from '../../store/connection-context';
import { useRun } from '../errors';

/**
 * A delegation's code on the roster ("MEX", "G77"), as the room writes positions with it, and the
 * co-facilitators' way to give, change or take it away: a small field in place (Enter saves, Escape
 * keeps the code as it was; the focus comes back to the button either way).
 */
export function RosterCode({ delegation }: { delegation: Delegation }) {
  const t = useT();
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const [editing, setEditing] = useState(false);
  const edit = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) edit.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const code = rosterCode(delegation);
  if (editing) {
    return (
      <form
        className="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = String(new FormData(e.currentTarget).get('code') ?? '');
          if (run(() => (setDelegationCode(negotiation, actor, delegation.id, value), true))) setEditing(false);
        }}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}
      >
        <input name="code" defaultValue={code ?? ''} aria-label={t('room.codeOf', { name: delegation.name })} placeholder={t('room.codeHint')} size={7} maxLength={8} autoFocus />
        <button type="submit">{t('room.codeSave')}</button>
      </form>
    );
  }
  return (
    <>
      <span className="code-value">{code ?? t('room.noCode')}</span>{' '}
      <button type="button" ref={edit} className="code-edit" aria-label={t('room.codeChange', { name: delegation.name })} onClick={() => setEditing(true)}>
        {t('room.codeEdit')}
      </button>
    </>
  );
}
