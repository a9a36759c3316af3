import { useContext, useEffect, useState } from 'react';
import type { HostInterface } from '../../../shared/ipc/contract';
import { useT } from '../../i18n/translate';
import { desktopApi } from '../../platform/desktop-api';
import { HostingContext } from './use-host-status';

/**
 * Starts hosting a negotiation kept on this computer: which network to serve and whom to invite at once.
 * Once it runs, this window joins the session as its co-facilitator and manages it in the Room view.
 */
export function HostStartForm({ negotiationId, onStarted }: { negotiationId: string; onStarted?(): void }) {
  const t = useT();
  const api = desktopApi()!;
  const { enter } = useContext(HostingContext);
  const [interfaces, setInterfaces] = useState<HostInterface[]>([]);
  const [address, setAddress] = useState('');
  const [delegations, setDelegations] = useState('');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void api.host.interfaces().then((list) => {
      setInterfaces(list);
      setAddress((a) => a || (list[0]?.address ?? '127.0.0.1'));
    });
  }, [api]);

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      const names = delegations.split('\n').map((n) => n.trim()).filter(Boolean);
      const status = await api.host.start({ negotiationId, address, port: 0, delegations: names });
      if (status.running) await enter(status);
      onStarted?.();
    } catch (error) {
      setProblem(t('desktop.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setStarting(false);
    }
  };

  return (
    <form
      className="host-start"
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
        <textarea value={delegations} rows={3} onChange={(e) => setDelegations(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={starting || !address}>
        {starting ? t('host.starting') : t('host.start')}
      </button>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </form>
  );
}
