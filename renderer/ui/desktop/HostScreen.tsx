import { useEffect, useId, useRef, useState } from 'react';
import type { HostInterface, HostStatus } from '../../../shared/ipc/contract';
import { onDesktopEvent } from '../../platform/desktop-events';
import { desktopApi } from '../../platform/desktop-api';
import { useT } from '../../i18n/translate';

/** How often the list of who is connected is read again while the screen is open (ms). */
const REFRESH = 2000;

/**
 * The host's screen: which network to serve and whom to invite; then the secure address, each join link
 * with its QR code (both carry the certificate's fingerprint), who is connected, and Stop, which closes
 * the session and keeps everything written in it on this computer. A modal dialog, keyboard throughout.
 */
export function HostScreen({ negotiationId, onClose }: { negotiationId: string; onClose(): void }) {
  const t = useT();
  const id = useId();
  const api = desktopApi()!;
  const dialog = useRef<HTMLDialogElement>(null);
  const [interfaces, setInterfaces] = useState<HostInterface[]>([]);
  const [address, setAddress] = useState('');
  const [delegations, setDelegations] = useState('');
  const [status, setStatus] = useState<HostStatus>({ running: false });
  const [state, setState] = useState<'idle' | 'starting' | 'stopped'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    void api.host.interfaces().then((list) => {
      setInterfaces(list);
      setAddress((a) => a || (list[0]?.address ?? '127.0.0.1'));
    });
    void api.host.status().then(setStatus);
    return onDesktopEvent('host', setStatus);
  }, [api]);

  useEffect(() => {
    if (!status.running) return;
    const timer = setInterval(() => void api.host.status().then(setStatus), REFRESH);
    return () => clearInterval(timer);
  }, [api, status.running]);

  const fail = (error: unknown) => setProblem(t('desktop.failed', { reason: error instanceof Error ? error.message : String(error) }));
  const start = async () => {
    setState('starting');
    setProblem(null);
    try {
      const names = delegations.split('\n').map((n) => n.trim()).filter(Boolean);
      setStatus(await api.host.start({ negotiationId, address, port: 0, delegations: names }));
      setState('idle');
    } catch (error) {
      setState('idle');
      fail(error);
    }
  };
  const stop = async () => {
    try {
      setStatus(await api.host.stop());
      setState('stopped');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <dialog ref={dialog} className="host-screen" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('host.title')}</h2>
      {!status.running ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label>
            {t('host.address')}
            <select value={address} onChange={(e) => setAddress(e.target.value)}>
              {interfaces.map((i) => (
                <option key={`${i.name}-${i.address}`} value={i.address}>
                  {i.name} — {i.address}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('host.delegations')}
            <textarea value={delegations} rows={4} onChange={(e) => setDelegations(e.target.value)} />
          </label>
          <button type="submit" disabled={state === 'starting' || !address}>
            {state === 'starting' ? t('host.starting') : t('host.start')}
          </button>
          {state === 'stopped' && <p role="status">{t('host.stopped')}</p>}
        </form>
      ) : (
        <>
          <p role="status">{t('host.running', { url: status.httpUrl, fingerprint: status.fingerprint })}</p>
          <ul className="host-invitations">
            {status.invitations.map((i) => (
              <li key={i.appLink}>
                <label>
                  {t('host.link', { label: i.label })}
                  <input readOnly value={i.appLink} onFocus={(e) => e.target.select()} />
                </label>
                <img src={i.qr} alt={t('host.qr', { label: i.label })} width={180} height={180} />
              </li>
            ))}
          </ul>
          <h3>{t('host.connected')}</h3>
          <ul className="host-guests" aria-live="polite">
            {status.connected.length === 0 ? <li>{t('host.nobody')}</li> : status.connected.map((g) => <li key={g.label}>{t('host.guest', { label: g.label, count: g.connections })}</li>)}
          </ul>
          <button type="button" onClick={() => void stop()}>
            {t('host.stop')}
          </button>
        </>
      )}
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('host.close')}
      </button>
    </dialog>
  );
}
