import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AppInfo, PenholderEvents } from '../../shared/ipc/contract';
import { parseDocumentName } from '../../shared/protocol/document-names';
import type { RunningServer, StartServerOptions } from '../../sync-server';
import { FileService, type ExportBytes, type FileDialogs, type ReadSource } from '../files/file-service';
import { createHandlers } from '../ipc/handlers';
import { IpcDispatcher, type SenderPolicy } from '../ipc/ipc-dispatcher';
import { CertificatePins } from '../session/certificate-pins';
import { resolveInvitation } from '../session/resolve-invitation';
import { requestServer } from '../session/server-request';
import { SessionHost } from '../session/session-host';
import { LocalStore, type Secrets } from '../store/local-store';
import { storedNegotiation } from '../store/stored-negotiation';
import { DeadlineScheduler, deadlinesOf, type Clock, type Deadline } from './deadline-scheduler';
import { launchRequest, parseDeepLink } from './deep-link';
import { UnsyncedBadge, type BadgeSurface } from './unsynced-badge';

/** Everything the desktop app's services need from Electron and the system, injected. */
export interface DesktopDeps {
  userDataDir: string;
  documentsDir: string;
  staticDir: string | null;
  appInfo: AppInfo;
  dialogs: FileDialogs;
  secrets: Secrets;
  openExternal: (url: string) => Promise<void>;
  notify: (deadline: Deadline, remainingMs: number) => void;
  badge: BadgeSurface;
  /** Sends an event to the app's window(s). */
  send: <E extends keyof PenholderEvents>(event: E, payload: PenholderEvents[E]) => void;
  senderPolicy: SenderPolicy;
  startServer: (options: StartServerOptions) => Promise<RunningServer>;
  readSource: ReadSource;
  exportBytes: ExportBytes;
  networkInterfaces?: typeof os.networkInterfaces;
  clock?: Clock;
  logger?: Logger;
}

/**
 * The desktop app minus Electron: the local store, files, session host, deadline notifications, the
 * unsynced badge and the IPC dispatcher, wired together. main/electron/main.ts supplies the Electron
 * pieces; tests supply fakes.
 */
export class DesktopServices {
  readonly store: LocalStore;
  readonly files: FileService;
  readonly host: SessionHost;
  readonly dispatcher: IpcDispatcher;
  readonly deadlines: DeadlineScheduler;
  readonly badge: UnsyncedBadge;
  /** Certificates of hosted sessions, pinned from the join links opened (Electron's verify procedure asks it). */
  readonly pins = new CertificatePins();
  private readonly replan = new Map<string, NodeJS.Timeout>();
  private readonly opens: PenholderEvents['open'][] = [];

  constructor(private readonly deps: DesktopDeps) {
    this.store = new LocalStore(path.join(deps.userDataDir, 'penholder-local.sqlite'), deps.secrets);
    this.files = new FileService({ store: this.store, dialogs: deps.dialogs, readSource: deps.readSource, exportBytes: deps.exportBytes, documentsDir: deps.documentsDir });
    this.host = new SessionHost({
      hostedDir: path.join(deps.userDataDir, 'hosted'),
      store: this.store,
      startServer: deps.startServer,
      networkInterfaces: deps.networkInterfaces ?? os.networkInterfaces,
      staticDir: deps.staticDir,
      ...(deps.logger ? { logger: deps.logger } : {}),
      onStatus: (status) => {
        // The host's own window may open the session it hosts: its certificate is pinned here too.
        if (status.running) this.pins.pin(status.wsUrl, status.fingerprint);
        deps.send('host', status);
      },
    });
    this.deadlines = new DeadlineScheduler(deps.notify, deps.clock);
    this.badge = new UnsyncedBadge(deps.badge);
    const handlers = createHandlers({ store: this.store, files: this.files, host: this.host, appInfo: deps.appInfo, openExternal: deps.openExternal, resolveInvitation: (url, token) => resolveInvitation(url, token, this.pins), requestServer: (url, token, call) => requestServer(url, token, call, this.pins), takeOpens: () => this.opens.splice(0) });
    // A table update may change a deadline: plan again (batched: updates come in bursts while typing).
    const append = handlers.store.append;
    handlers.store.append = (doc, update, origin) => {
      const result = append(doc, update, origin);
      const parsed = parseDocumentName(doc);
      if (parsed?.ref.kind === 'table') this.planSoon(parsed.negotiationId);
      return result;
    };
    this.dispatcher = new IpcDispatcher(handlers, deps.senderPolicy, (m) => deps.logger?.warn(m));
    this.store.onPending((summary) => {
      this.badge.update(summary);
      deps.send('pending', summary);
    });
    this.badge.update(this.store.pending());
    for (const n of this.store.recent(100)) this.planDeadlines(n.negotiationId);
  }

  /** Plans the deadline notifications of a negotiation from its kept table. */
  planDeadlines(negotiationId: string): void {
    const negotiation = storedNegotiation(this.store, negotiationId);
    this.deadlines.plan(negotiationId, negotiation ? deadlinesOf(negotiation) : []);
  }

  private planSoon(negotiationId: string): void {
    if (this.replan.has(negotiationId)) return;
    const timer = setTimeout(() => {
      this.replan.delete(negotiationId);
      this.planDeadlines(negotiationId);
    }, 2000);
    timer.unref?.();
    this.replan.set(negotiationId, timer);
  }

  /**
   * A launch or a second instance's command line: a penholder:// link or a .penholder file. Tells the
   * renderer what to open; returns what was understood (null: nothing to open).
   */
  async handleCommandLine(argv: string[]): Promise<PenholderEvents['open'] | null> {
    const request = launchRequest(argv);
    if (!request) return null;
    if ('link' in request) {
      const open = parseDeepLink(request.link);
      if (open?.join?.fingerprint) this.pins.pin(open.join.serverUrl, open.join.fingerprint);
      if (open) this.open(open);
      return open;
    }
    const opened = await this.files.openPath(request.file);
    const open = { negotiationId: opened.negotiationId, join: null };
    this.open(open);
    return open;
  }

  /** Asks the window to open something: kept until the window takes it (app.takeOpens), then announced. */
  open(what: PenholderEvents['open']): void {
    this.opens.push(what);
    this.deps.send('open', what);
  }

  async close(): Promise<void> {
    for (const t of this.replan.values()) clearTimeout(t);
    this.deadlines.stop();
    await this.host.stop();
    this.store.close();
  }
}
