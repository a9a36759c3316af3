import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand, PendingSummary } from '../../../shared/ipc/contract';
import { desktopApi } from '../../platform/desktop-api';
import { onDesktopEvent } from '../../platform/desktop-events';
import { useT } from '../../i18n/translate';
import { openExportDialog } from '../export/export-requests';
import { HostScreen } from './HostScreen';

/**
 * The desktop app's menu commands carried out in the window (Save, Save As, the exports, Host a Session),
 * and the count of changes on this computer not yet synced. Renders nothing in the web edition.
 * `negotiationId` is the negotiation on screen, or the one last opened from a file.
 */
export function DesktopCommands({ negotiationId, opened }: { negotiationId: string | null; /** A negotiation opened from a file while none is on screen. */ opened: string | null }) {
  const t = useT();
  const api = desktopApi();
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
      } else if (command === 'host-session') setHosting(true);
    },
    [api, negotiationId, t, fail],
  );

  useEffect(() => onDesktopEvent('menu', ({ command }) => run(command)), [run]);
  useEffect(() => {
    if (!api || !opened) return;
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
