import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { documentName } from '../../shared/protocol/document-names';
import { handleAdmin } from './admin-api';
import { handleSession } from './session-api';
import { handleDeviceLinks } from './device-links-api';
import { handleCreateNegotiation } from './create-negotiation-api';
import { invitationHooks } from '../core/invitation-hooks';
import { logHooks } from '../core/log-hooks';
import { tableRulesHooks } from '../core/table-rules';
import { openServerDataDir } from '../storage/sqlite/open-server-data-dir';
import { storageQuotaHooks } from '../storage/storage-quota';
import { ServerMetrics } from '../core/server-metrics';
import { DEFAULT_LIMITS, type ServerLimits } from '../core/server-limits';
import { serveStatic } from './static-site';
import { SyncServer } from '../core/sync-server';
import { RevocationWatch } from '../core/revocation-watch';
import { attachWebsocket } from './websocket-transport';
import { Negotiation } from '../../shared/model/negotiation';
import { Refusal } from '../core/refusal';
import type { DocumentStore } from '../storage/document-store';
import type { DocumentFanout } from '../core/document-fanout';
import type { Invitations } from '../storage/invitation-store';

/** Where a server keeps its documents and invitations when not in a data directory (sync-server/cluster). */
export interface ServerBackend {
  store: DocumentStore;
  invitations: Invitations;
  fanout?: DocumentFanout | null;
  /** Merged into /healthz; `ok: false` answers 503. */
  health?(): Promise<{ ok: boolean } & Record<string, unknown>>;
  /** Called once the server stopped using the back end. */
  close(): Promise<void>;
}

/** How to run the server. */
export interface StartServerOptions {
  /** The data directory (created when missing); holds penholder.sqlite. Required unless `backend` is given. */
  dataDir?: string;
  /** A shared back end (PostgreSQL and Redis, sync-server/cluster) instead of the data directory. */
  backend?: ServerBackend;
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine. Use 0.0.0.0 to serve the meeting room's network. */
  host?: string;
  /** The renderer's built web edition (renderer/dist); null or missing: `/` says it is not built. */
  staticDir?: string | null;
  /** A key and certificate (PEM): the server then speaks https:// and wss:// only (a hosted session's). */
  tls?: { key: string; cert: string } | null;
  /** The ws:// address invitees reach, put into invitation links; default ws://HOST:PORT. */
  publicUrl?: string;
  limits?: Partial<ServerLimits>;
  logger?: Logger;
  /** Default true: every update is fsynced before it is echoed. False only to measure what that costs (bench). */
  durable?: boolean;
}

/** A running server. */
export interface RunningServer {
  port: number;
  host: string;
  /** http://HOST:PORT */
  url: string;
  /** ws://HOST:PORT (wss:// with `tls`), what WebsocketProvider takes as its server URL. */
  wsUrl: string;
  core: SyncServer;
  /** Stops accepting, closes sockets with 1001 "going away", writes what is pending, closes the store. */
  close(): Promise<void>;
}

/** Starts the sync server: websocket sync, admin API, /healthz, /metrics and the web edition. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger ?? pino({ level: process.env.PENHOLDER_LOG_LEVEL ?? 'info' });
  if (!options.backend && !options.dataDir) throw new Error('startServer needs a dataDir or a backend');
  let backend: ServerBackend;
  if (options.backend) backend = options.backend;
  else {
    const data = await openServerDataDir(options.dataDir!, { synchronous: options.durable === false ? 'OFF' : 'FULL' });
    // A process that died (kill -9, power cut) left logs uncompacted: snapshot them before serving,
    // so that a first load applies a snapshot and not hundreds of updates.
    const started = performance.now();
    const compacted = await data.store.compactAll(2);
    if (compacted > 0) logger.info({ documents: compacted, ms: Math.round(performance.now() - started) }, 'compacted stored documents at startup');
    backend = data;
  }
  const { store, invitations, fanout } = backend;
  const metrics = new ServerMetrics();
  // A revocation made elsewhere (penholder revoke, another node) closes its connections at once.
  const revocations = new RevocationWatch(invitations, (id) => core.closeInvitation(id, 'this invitation was revoked'), logger);
  const core = new SyncServer({
    store,
    limits,
    logger,
    fanout: fanout ?? null,
    hooks: [invitationHooks(invitations), revocations.hooks(), tableRulesHooks(), storageQuotaHooks(store, limits), metrics.hooks(), logHooks(logger)],
  });
  revocations.start();
  let publicUrl = options.publicUrl ?? null;
  const admin = {
    invitations,
    get serverUrl() {
      return publicUrl;
    },
    disconnect: (invitationId: string) => core.closeInvitation(invitationId, 'this invitation was revoked'),
    // Through the core, so that connected clients see the roster change at once.
    editTable: <T>(negotiationId: string, edit: (n: Negotiation) => T) =>
      core.editDocument(documentName(negotiationId, { kind: 'table' }), (doc) => {
        if (doc.getMap('meta').size === 0) throw new Refusal(`There is no negotiation "${negotiationId}" on this server.`, 404);
        return edit(new Negotiation(negotiationId, doc));
      }),
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    try {
      route(req, res);
    } catch (error) {
      // Whatever a request holds, it costs at most its own answer: the server serves on.
      logger.warn({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad request\n');
    }
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handle) : http.createServer(handle);
  /** A handler that failed after the request was accepted answers 500 (or drops the half-sent answer), logs, and the server serves on. */
  const failed = (res: http.ServerResponse, what: string) => (error: unknown) => {
    logger.error({ err: error }, `${what} failed`);
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: `internal error in ${what}; the server log says more` }));
    } else if (!res.writableEnded) res.destroy();
  };
  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      const base = { ok: true, connections: core.connections.size, documents: core.documentCount };
      return void (backend.health ? backend.health() : Promise.resolve({ ok: true })).then(
        (h: { ok: boolean }) => {
          res.writeHead(h.ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...base, ...h }));
        },
        () => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...base, ok: false }));
        },
      );
    }
    if (url.pathname === '/metrics') {
      return void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      }, failed(res, 'metrics'));
    }
    if (url.pathname === '/api/session') {
      return void handleSession(invitations, req, res).catch(failed(res, 'the session API'));
    }
    if (url.pathname === '/api/negotiations' || url.pathname === '/api/negotiations/') {
      const context = { invitations, serverUrl: publicUrl, editDocument: core.editDocument.bind(core) };
      return void handleCreateNegotiation(context, req, res).catch(failed(res, 'the create-negotiation API'));
    }
    if (url.pathname === '/api/device-links' || url.pathname === '/api/invitations/mine') {
      const claimed = (negotiationId: string, delegation: { id: string; name: string }): void =>
        core.closeDocument(documentName(negotiationId, { kind: 'private', delegationId: delegation.id }), `${delegation.name} issued a device link: its private document now opens only to device links; open the negotiation with yours`);
      return void handleDeviceLinks({ invitations, serverUrl: publicUrl, claimed }, req, res, url.pathname).catch((error: unknown) => logger.error({ err: error }, 'device links API failed'));
    }
    if (url.pathname.startsWith('/api/')) {
      return void handleAdmin(admin, req, res, url.pathname).catch(failed(res, 'the admin API'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      return void res.end();
    }
    serveStatic(options.staticDir ?? null, req, res, url.pathname);
  };
  const detach = attachWebsocket(server, core, limits.maxFrameBytes, (error) => logger.error({ err: error }, 'accepting a WebSocket failed; closed it'));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const [httpScheme, wsScheme] = options.tls ? ['https', 'wss'] : ['http', 'ws'];
  publicUrl ??= `${wsScheme}://${shown}:${port}`;
  logger.info({ host, port, dataDir: options.dataDir }, 'penholder sync server listening');

  return {
    port,
    host,
    url: `${httpScheme}://${shown}:${port}`,
    wsUrl: `${wsScheme}://${shown}:${port}`,
    core,
    async close() {
      detach();
      revocations.stop();
      await core.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.close();
      logger.info('penholder sync server stopped');
    },
  };
}
