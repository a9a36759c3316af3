import type { AppInfo, InvitationAnswer, PenholderEvents, PenholderHandlers, ServerAnswer, ServerRequest } from '../../shared/ipc/contract';
import type { FileService } from '../files/file-service';
import type { SessionHost } from '../session/session-host';
import type { LocalStore } from '../store/local-store';

/** The services behind the contract. */
export interface Services {
  store: LocalStore;
  files: FileService;
  host: SessionHost;
  appInfo: AppInfo;
  /** The opens the window has not taken yet (DesktopServices keeps them). */
  takeOpens: () => PenholderEvents['open'][];
  /** Asks a sync server who an invitation token belongs to (main/session/resolve-invitation.ts). */
  resolveInvitation: (serverUrl: string, token: string) => Promise<InvitationAnswer>;
  /** Calls a sync server's HTTP API (main/session/server-request.ts). */
  requestServer: (serverUrl: string, token: string, call: ServerRequest) => Promise<ServerAnswer>;
  /** Opens a link in the system browser (Electron's shell.openExternal). */
  openExternal: (url: string) => Promise<void>;
}

/** Implements every call of the contract on the services; arguments arrive already validated. */
export function createHandlers(s: Services): PenholderHandlers {
  return {
    app: { info: () => s.appInfo, takeOpens: () => s.takeOpens() },
    store: {
      load: (doc) => s.store.load(doc),
      append: (doc, update, origin) => s.store.append(doc, update, origin),
      confirm: (doc, sv) => s.store.confirm(doc, sv),
      pendingUpdates: (doc) => s.store.pendingUpdates(doc),
      discard: (doc) => s.store.discard(doc),
      pending: () => s.store.pending(),
    },
    negotiations: {
      recent: () => s.store.recent(),
      remember: (entry) => s.store.remember(entry),
      token: (id) => s.store.token(id),
      forget: (id) => s.store.forget(id),
    },
    files: {
      open: () => s.files.open(),
      save: (id, options) => s.files.save(id, options),
      importText: () => s.files.importText(),
      export: (id, choice) => s.files.export(id, choice),
    },
    session: {
      resolve: (serverUrl, token) => s.resolveInvitation(serverUrl, token),
    },
    server: {
      request: (serverUrl, token, call) => s.requestServer(serverUrl, token, call),
    },
    host: {
      interfaces: () => s.host.interfaces(),
      start: (options) => s.host.start(options),
      stop: () => s.host.stop(),
      status: () => s.host.status(),
    },
    shell: {
      openExternal: async (url) => {
        const { protocol } = new URL(url);
        if (!['http:', 'https:', 'mailto:'].includes(protocol)) throw new Error('Only web and mail links open outside the app.');
        await s.openExternal(url);
      },
    },
  };
}
