import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/translate';
import { HostStartForm } from './HostStartForm';

/**
 * Host a Session while no co-facilitator's room is on screen (a negotiation opened from a file): which
 * network to serve and whom to invite. Once the session runs, the window joins it as its co-facilitator
 * and the Room view shows the rest (address, certificate, links, who is connected, Stop).
 */
export function HostScreen({ negotiationId, onClose }: { negotiationId: string; onClose(): void }) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="host-screen" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('host.title')}</h2>
      <p>{t('host.intro')}</p>
      <HostStartForm negotiationId={negotiationId} onStarted={() => dialog.current?.close()} />
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('host.close')}
      </button>
    </dialog>
  );
}
