import { createContext, useEffect, useState } from 'react';
import type { HostStatus } from '../../../shared/ipc/contract';
import { desktopApi } from '../../platform/desktop-api';
import { onDesktopEvent } from '../../platform/desktop-events';

/** A session this computer is hosting. */
export type RunningHost = Extract<HostStatus, { running: true }>;

/** How often who is connected is read again while a session is hosted (ms). */
const REFRESH = 2000;

/**
 * The session this desktop hosts, as its main process reports it (who is connected read again every
 * 2 s while it runs); null in the web edition and until the main process has answered.
 */
export function useHostStatus(): HostStatus | null {
  const api = desktopApi();
  const [status, setStatus] = useState<HostStatus | null>(null);
  useEffect(() => {
    if (!api) return;
    let live = true;
    const take = (s: HostStatus) => live && setStatus(s);
    void api.host.status().then(take);
    const stop = onDesktopEvent('host', take);
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  const running = status?.running === true;
  useEffect(() => {
    if (!api || !running) return;
    const timer = setInterval(() => void api.host.status().then(setStatus), REFRESH);
    return () => clearInterval(timer);
  }, [api, running]);
  return status;
}

/** Whether a hosted session is the server a window's session is on (ws(s) URLs, compared by scheme, host and port). */
export function hostsSession(status: HostStatus | null, wsUrl: string): status is RunningHost {
  if (!status?.running) return false;
  const a = new URL(status.wsUrl);
  const b = new URL(wsUrl);
  return a.protocol === b.protocol && a.host === b.host;
}

/** What the window does with a session hosted here: its co-facilitator joins it (App provides it). */
export const HostingContext = createContext<{ enter(status: RunningHost): Promise<void> }>({
  enter: () => Promise.reject(new Error('Hosting needs the desktop app.')),
});
