import { useContext, useEffect, useRef, useState } from 'react';
import { I18nContext } from '../../i18n/translate';
import { isActive, type ListedInvitation } from '../../store/use-invitations';
import { formatDateTime } from '../format';

/** One invitation in the list: whom it admits, who issued it, when, whether it still works; Revoke asks first (never offered on a co-facilitator's). */
export function InvitationRow({ invitation: i, issuerName, onRevoke }: { invitation: ListedInvitation; issuerName: string | null; onRevoke(id: string): Promise<boolean> }) {
  const { t, language } = useContext(I18nContext);
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // The Revoke button is drawn again once the question closes: the focus goes back to it then.
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [confirming]);
  const who = i.delegation?.name ?? (i.name ? t('who.cofacilitatorNamed', { name: i.name }) : t('who.cofacilitator'));
  const state = i.revokedAt ? t('room.state.revoked', { at: formatDateTime(i.revokedAt, language) }) : isActive(i) ? t('room.state.active') : t('room.state.expired');
  const cancel = () => {
    refocus.current = true;
    setConfirming(false);
  };
  return (
    <tr data-invitation={i.id} className={isActive(i) ? 'active' : 'inactive'}>
      <th scope="row">{who}</th>
      <td>{t(`room.role.${i.role}`)}</td>
      <td>{i.issuedBy ? t('room.deviceLinkOf', { name: issuerName ?? i.issuedBy }) : t('room.byCofacilitators')}</td>
      <td>
        <time dateTime={i.createdAt}>{formatDateTime(i.createdAt, language)}</time>
      </td>
      <td>{i.expiresAt ? <time dateTime={i.expiresAt}>{formatDateTime(i.expiresAt, language)}</time> : t('room.never')}</td>
      <td>{state}</td>
      <td>
        {/* Co-facilitators revoke neither each other nor themselves (the server refuses it too). */}
        {isActive(i) && i.role === 'cofacilitator' && <span className="note">{t('room.cofacilitatorKept')}</span>}
        {isActive(i) &&
          i.role !== 'cofacilitator' &&
          (confirming ? (
            <div className="confirm" role="alertdialog" aria-label={t('room.revokeConfirm', { name: who })} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), cancel())}>
              <p>{t('room.revokeConfirm', { name: who })}</p>
              <button type="button" className="danger" autoFocus onClick={() => void onRevoke(i.id).then((done) => done && setConfirming(false))}>
                {t('room.revokeYes')}
              </button>
              <button type="button" onClick={cancel}>
                {t('room.revokeNo')}
              </button>
            </div>
          ) : (
            <button type="button" ref={opener} className="danger" aria-label={t('room.revokeOf', { name: who })} onClick={() => setConfirming(true)}>
              {t('room.revoke')}
            </button>
          ))}
      </td>
    </tr>
  );
}
