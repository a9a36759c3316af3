import type { PenholderEvents } from '../../shared/ipc/contract';
import { desktopApi } from './desktop-api';

/**
 * Listens to an event of the desktop app's main process (a menu command, a penholder:// link or an
 * opened file, the hosted session, the count of unsynced changes); returns the function that stops
 * listening. In the web edition there are none: nothing is listened to.
 */
export function onDesktopEvent<E extends keyof PenholderEvents>(event: E, listener: (payload: PenholderEvents[E]) => void): () => void {
  return desktopApi()?.on(event, listener) ?? (() => undefined);
}

/**
 * Listens to what the desktop app is asked to open (a penholder:// link, a file, a recent negotiation):
 * first what came before the window was listening (a link that launched the app), then each new one.
 */
export function onDesktopOpen(listener: (open: PenholderEvents['open']) => void): () => void {
  const api = desktopApi();
  if (!api) return () => undefined;
  const take = (): void =>
    void api.app.takeOpens().then(
      (opens) => opens.forEach(listener),
      (error: unknown) => console.error('could not read what the app was asked to open', error),
    );
  const stop = api.on('open', take);
  take();
  return stop;
}
