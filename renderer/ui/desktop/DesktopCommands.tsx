import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { MenuCommand, PendingSummary } from '../../../shared/ipc/contract';
import { desktopApi } from '../../platform/desktop-api';
import { onDesktopEvent } from '../../platform/desktop-events';
import { useT } from '../../i18n/translate';
import { openExportDialog } from '../export/export-requests';
import { HostScreen } from './HostScreen';
import { HostingContext } from './use-host-status';

/**
 * The desktop app's menu commands carried out in the window (Save, Save As, the exports, Host a Session),
 * and the count of changes on this computer not yet synced. Renders nothing in the web edition.
 * `negotiationId` is the negotiation on screen, or the one last opened from a file. Host a Session is
 * the Room view's when a co-facilitator's room is on screen; otherwise it goes to the session hosted
 * here, or asks where to host one.
 */
export function DesktopCommands({ negotiationId, opened, roomOnScreen }: { negotiationId: string | null; /** A negotiation opened from a file while none is on screen. */ opened: string | null; /** A co-facilitator's Workspace is on screen: its Room view hosts. */ roomOnScreen: boolean }) {
  const t = useT();
  const api = desktopApi();
  const { enter } = useContext(HostingContext);
  const [pending, setPending] = useState<PendingSummary | null>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [hosting, setHosting] = useState(false);

  const fail = useCallback((error: unknown) => setMessage({ text: t('desktop.failed', { reason: error instanceof Error ? error.message : String(error) }), problem: true }), [t]);

  const run = useCallback(
    (command: MenuCommand) => {
      if (!api) return;
      const needsNegotiation: MenuCommand[] = ['save', 'save-as', 'export-clean', 'export-compilation', 'host-session'];
      if (needsNegotiation.includes(command) && !negotiationId) return setMessage({ text: t('desktop.noNegotiation'), problem: true });
      if (command === 'save' || command === 'save-as') {
        api.files.save(negotiationId!, { saveAs: command === 'save-as', includePrivate: false }).then((saved) => saved && setMessage({ text: t('desktop.saved', { file: saved.filePath }), problem: false }), fail);
      } else if (command === 'export-clean' || command === 'export-compilation') {
        if (!openExportDialog(command === 'export-clean' ? 'clean' : 'compilation')) setMessage({ text: t('desktop.noNegotiation'), problem: true });
      } else if (command === 'host-session' && !roomOnScreen) {
        void api.host.status().then((status) => (status.running ? enter(status) : setHosting(true))).catch(fail);
      }
    },
    [api, negotiationId, t, fail, roomOnScreen, enter],
  );

  // A hosted session that stops says that nothing written in it is lost.
  const hosted = useRef(false);
  useEffect(
    () =>
      onDesktopEvent('host', (status) => {
        if (hosted.current && !status.running) setMessage({ text: t('host.stopped'), problem: false });
        hosted.current = status.running;
      }),
    [t],
  );

  useEffect(() => onDesktopEvent('menu', ({ command }) => run(command)), [run]);
  const announced = useRef<string | null>(null);
  useEffect(() => {
    // Said once per negotiation opened, not again when the window comes back to it from a hosted session.
    if (!api || !opened || announced.current === opened) return;
    announced.current = opened;
    void api.negotiations.recent().then((list) => setMessage({ text: t('desktop.opened', { title: list.find((n) => n.negotiationId === opened)?.title ?? opened }), problem: false }));
  }, [api, opened, t]);
  useEffect(() => {
    if (!api) return;
    void api.store.pending().then(setPending, () => undefined);
    return onDesktopEvent('pending', setPending);
  }, [api]);

  if (!api) return null;
  return (
    <>
      <div className="desktop-status">
        {pending && (
          <span className="unsynced" data-unsynced={pending.total} role="status">
            {pending.total ? t('desktop.unsynced', { count: pending.total }) : t('desktop.synced')}
          </span>
        )}
        {message && (
          <span role={message.problem ? 'alert' : 'status'} className={message.problem ? 'problem' : 'desktop-message'}>
            {message.text}
          </span>
        )}
      </div>
      {hosting && negotiationId && <HostScreen negotiationId={negotiationId} onClose={() => setHosting(false)} />}
    </>
  );
}
