import { useT } from '../i18n/translate';
import { useConnectionStatus } from '../store/connection-context';

/** Says plainly whether the app is online, how many changes wait to sync, and what the server refused. */
export function ConnectionBanner() {
  const t = useT();
  const status = useConnectionStatus();
  return (
    <div className="connection" role="status" aria-live="polite">
      <span className={`net net-${status.network}`} data-network={status.network}>
        {status.network === 'connected' ? t('net.online') : status.network === 'connecting' ? t('net.connecting') : t('net.offline')}
      </span>
      <span className="sync-pending" data-pending={status.pending}>
        {status.pending > 0 ? t('net.pending', { count: status.pending }) : status.network === 'connected' ? t('net.synced') : ''}
      </span>
      {status.revoked && <p className="banner error">{t('net.revoked', { reason: status.revoked })}</p>}
      {status.refusedWrite && !status.revoked && <p className="banner warn">{t('net.readOnly')}</p>}
    </div>
  );
}
