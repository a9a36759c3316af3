import { useContext, useId, useState } from 'react';
import type { HostStatus } from '../../../shared/ipc/contract';
import { useT } from '../../i18n/translate';
import { desktopApi } from '../../platform/desktop-api';
import { HostStartForm } from '../desktop/HostStartForm';
import { HostingContext, hostsSession } from '../desktop/use-host-status';
import { HostedLinks } from './HostedLinks';

/**
 * The desktop's hosting, as a section of the Room view: start hosting this negotiation on the room's
 * network; while it runs, the secure address and the certificate's fingerprint, the links made when it
 * started (the app's and a browser's, each to copy or scan), who is connected (each invitation's open documents, as the server counts
 * them) and Stop, after a confirmation. The roster, invitations and revocation are the Room view's own.
 */
export function HostingSection({ status, negotiationId, wsUrl }: { status: HostStatus; negotiationId: string; /** The server of the session on screen. */ wsUrl: string }) {
  const t = useT();
  const id = useId();
  const { enter } = useContext(HostingContext);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (error: unknown) => setProblem(t('desktop.failed', { reason: error instanceof Error ? error.message : String(error) }));
  const stop = async () => {
    setAsking(false);
    try {
      await desktopApi()!.host.stop();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="hosting" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('host.section')}</h3>
      {!status.running ? (
        <>
          <p>{t('host.intro')}</p>
          <HostStartForm negotiationId={negotiationId} />
        </>
      ) : (
        <>
          <p role="status">{t('host.running', { url: status.httpUrl, fingerprint: status.fingerprint })}</p>
          {!hostsSession(status, wsUrl) && (
            <button type="button" onClick={() => void enter(status).catch(fail)}>
              {t('host.openRoom')}
            </button>
          )}
          <h4>{t('host.links')}</h4>
          <div className="host-links">
            {status.invitations.map((i) => (
              <HostedLinks key={i.appLink} name={i.role === 'cofacilitator' ? t('room.role.cofacilitator') : i.label} appLink={i.appLink} browserLink={i.webLink} certificateSha256={status.certificateSha256} />
            ))}
          </div>
          <h4>{t('host.connected')}</h4>
          <ul className="host-guests" aria-live="polite">
            {status.connected.length === 0 ? <li>{t('host.nobody')}</li> : status.connected.map((g) => <li key={g.label}>{t('host.guest', { label: g.role === 'cofacilitator' ? t('room.role.cofacilitator') : g.label, count: g.connections })}</li>)}
          </ul>
          {asking ? (
            <div role="alertdialog" aria-labelledby={`${id}-stop`} className="confirm" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setAsking(false))}>
              <p id={`${id}-stop`}>{t('host.stopConfirm')}</p>
              <button type="button" className="danger" onClick={() => void stop()}>
                {t('host.stopYes')}
              </button>
              <button type="button" autoFocus onClick={() => setAsking(false)}>
                {t('host.stopNo')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setAsking(true)}>
              {t('host.stop')}
            </button>
          )}
        </>
      )}
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </section>
  );
}
