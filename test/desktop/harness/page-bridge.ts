// Runs in the page, in place of main/electron/preload.ts: the same createPenholderApi over the contract,
// with ipcRenderer.invoke replaced by a Playwright binding into the real main-process dispatcher and
// ipcRenderer.on by a function the harness calls. Bundled by desktop-harness.ts into an init script.
import { createPenholderApi } from '../../../shared/ipc/contract';
import { decodeIpc, encodeIpc } from './ipc-codec';

interface Bridge {
  __penholderInvoke(channel: string, args: unknown): Promise<unknown>;
  __penholderEmit(channel: string, payload: unknown): void;
}

// Electron runs the preload in the top frame only (no nodeIntegrationInSubFrames).
if (window === window.top) {
  const bridge = window as unknown as Window & Bridge;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  bridge.__penholderEmit = (channel, payload) => {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(decodeIpc(payload));
  };
  const api = createPenholderApi(
    async (channel, args) => decodeIpc(await bridge.__penholderInvoke(channel, encodeIpc(args))),
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  );
  // As contextBridge does: a frozen object the page cannot replace.
  Object.defineProperty(window, 'penholder', { value: Object.freeze(api), writable: false, configurable: false });
}
