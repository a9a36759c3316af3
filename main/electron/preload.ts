// The preload: one typed API, generated from the contract, exposed as window.penholder. Nothing else
// crosses: no ipcRenderer, no Node. Bundled into main/dist/preload.cjs (a sandboxed preload is one file).
import { contextBridge, ipcRenderer } from 'electron';
import { createPenholderApi } from '../../shared/ipc/contract';

contextBridge.exposeInMainWorld(
  'penholder',
  createPenholderApi(
    (channel, args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => void ipcRenderer.removeListener(channel, wrapped);
    },
  ),
);
