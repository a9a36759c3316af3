import { useId, useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/model/actor';
import { useT } from '../../i18n/translate';
import { dateTimeISO, NO_DATE_TIME } from '../date-time';
import { DateTimeField } from '../DateTimeField';

/** Invite a delegation (or an observer) by name, with an optional expiry. */
export function InviteForm({ onInvite, busy }: { onInvite(input: { name: string; role: Role; expires: string | null }): Promise<boolean>; busy: boolean }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('delegation');
  const [expires, setExpires] = useState(NO_DATE_TIME);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await onInvite({ name: name.trim(), role, expires: dateTimeISO(expires) })) {
      setName('');
      setExpires(NO_DATE_TIME);
    }
  };
  return (
    <form className="invite-form" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-h`}>{t('room.invite')}</h3>
      <label>
        {t('room.inviteName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('room.inviteRole')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="delegation">{t('room.role.delegation')}</option>
          <option value="observer">{t('room.role.observer')}</option>
        </select>
      </label>
      <DateTimeField label={t('room.inviteExpires')} value={expires} onChange={setExpires} />
      <button type="submit" className="primary" disabled={busy}>
        {t('room.inviteSubmit')}
      </button>
    </form>
  );
}
