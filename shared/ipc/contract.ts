/**
 * The desktop app's IPC contract: every call the renderer can make to the main process, with its
 * argument validators and result type, and the events the main process sends. The preload builds
 * `window.penholder` from it (createPenholderApi); the main process validates each call against it
 * (its dispatcher) before any service sees the arguments. Pure types and validators: no DOM, Node or
 * Electron.
 */
import type { Role } from '../model/actor';
import { ID_PATTERN } from '../protocol/document-names';
import { array, boolean, bytes, integer, jsonObject, nullable, object, oneOf, optional, string, type Validator } from './validate';

// ---- the values that cross ----------------------------------------------------------------------------

/** `<negotiation id>/table`, `<id>/delegation/<delegation>`, `<id>/private/<delegation>` (document-names.ts). */
const DOC_NAME = /^[a-z0-9][a-z0-9-]{0,63}\/(table|(delegation|private)\/[a-z0-9][a-z0-9-]{0,63})$/;
export const docName = string({ min: 3, max: 200, pattern: DOC_NAME });
export const negotiationId = string({ min: 1, max: 64, pattern: ID_PATTERN });
const MAX_UPDATE = 16 * 1024 * 1024;
const wsUrl = string({ max: 500, pattern: /^wss?:\/\/[^\s/?#]+\/?$/ });
const token = string({ min: 8, max: 200, pattern: /^[A-Za-z0-9_-]+$/ });
const role = oneOf('cofacilitator', 'delegation', 'observer') satisfies Validator<Role>;

/** A negotiation this computer has joined, newest first in `recent()`. */
export interface RecentNegotiation {
  negotiationId: string;
  title: string;
  /** ws(s)://HOST:PORT, or null for a negotiation only on this computer (opened from a file). */
  serverUrl: string | null;
  role: Role | null;
  delegation: { id: string; name: string } | null;
  /** Whether an invitation token is kept for it (the token itself never goes back to the renderer unasked). */
  hasToken: boolean;
  /** The .penholder file it was last opened from or saved to. */
  filePath: string | null;
  openedAt: string;
}

/** What is waiting to sync. */
export interface PendingSummary {
  total: number;
  byDocument: Record<string, number>;
}

/** A network interface the session can be hosted on. */
export interface HostInterface {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
}

/** An invitation link made by the hosted session. */
export interface HostInvitation {
  label: string;
  role: Role;
  /** https://ADDRESS:PORT/join?token=…&fp=… for a browser in the room, served the web edition by the session itself (a browser cannot pin: it warns, and the delegate compares the certificate's SHA-256). */
  webLink: string;
  /** penholder://join?server=wss://ADDRESS:PORT&token=…&fp=… for the app, which pins the certificate by its fingerprint. */
  appLink: string;
  /** The app link as a QR code (a data: URL of a PNG). */
  qr: string;
}

/** Someone connected to the hosted session. */
export interface HostGuest {
  label: string;
  role: Role;
  /** Open documents (connections) of this invitation. */
  connections: number;
}

/** The hosted session. */
export type HostStatus =
  | { running: false }
  | {
      running: true;
      negotiationId: string;
      address: string;
      port: number;
      /** https://ADDRESS:PORT: the session speaks TLS only. */
      httpUrl: string;
      /** wss://ADDRESS:PORT */
      wsUrl: string;
      /** SHA-256 of the session certificate's public key, base64url (main/session/certificate-pins.ts). */
      fingerprint: string;
      /** SHA-256 of the whole certificate, as browsers show it in its details ("AB:CD:…"): what a delegate joining from a browser compares. */
      certificateSha256: string;
      invitations: HostInvitation[];
      /** Who is connected now, one entry per invitation. */
      connected: HostGuest[];
    };

/** A negotiation opened or imported from a file. */
export interface OpenedNegotiation {
  negotiationId: string;
  title: string;
  filePath: string;
}

/** An export: the clean text, the compilation text or a redline, in a format (shared/export). */
export interface ExportChoice {
  kind: 'clean' | 'compilation' | 'redline';
  format: 'docx' | 'pdf' | 'html' | 'akn';
  /** For the clean text: keep brackets and working labels instead of refusing an unclean text. */
  draft?: boolean;
  /** For the clean text: an issued revision instead of the current text. For a redline: the target. */
  revision?: number;
  /** For a redline: the revision compared against (default: the zero draft, or the original text). */
  base?: number | 'original';
  /** The language of the document's furniture; defaults to the text's own. */
  language?: 'en' | 'fr';
  /** For the compilation text: a table per paragraph, or proposals inline. */
  layout?: 'table' | 'inline';
  /** The agenda item(s) printed in a Word document's masthead. */
  agendaItem?: string | null;
}

/**
 * The sync server's HTTP API routes the window may call through the main process (sync-server/README.md):
 * creating a negotiation, a negotiation's invitations (list, invite, revoke), the session, device links.
 */
export const SERVER_API_PATH = /^\/api\/(negotiations(\/[a-z0-9][a-z0-9-]{0,63}\/invitations(\/[A-Za-z0-9_-]{1,100})?)?|session|device-links|invitations\/mine)$/;
/** The largest body sent to the server's API: an imported text (the server takes up to 2 MB). */
const MAX_API_BODY = 2 * 1024 * 1024;

/** A call of the sync server's HTTP API, and its answer (any status: the renderer reads a refusal's words). */
export interface ServerRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
}
export interface ServerAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Who an invitation token belongs to, as its server says; or why the server refused it. */
export type InvitationAnswer =
  | { refused: null; negotiationId: string; role: Role; delegation: { id: string; name: string } | null; /** How the server names the holder (its decisions' author in the log). */ label?: string; /** A co-facilitator's name as others see it. */ name?: string }
  | { refused: string; status: number };

export interface AppInfo {
  version: string;
  platform: string;
  /** Where the offline store lives: the main process's SQLite. */
  offlineStore: 'sqlite';
}

/** A command from the application menu, for the renderer to carry out. */
export type MenuCommand =
  | 'new-negotiation'
  | 'join'
  | 'save'
  | 'save-as'
  | 'export-clean'
  | 'export-compilation'
  | 'find'
  | 'propose'
  | 'show-text'
  | 'show-compilation'
  | 'show-clean-text'
  | 'host-session';

/** What the main process tells the renderer. */
export interface PenholderEvents {
  /** A penholder:// link or an opened file: show this negotiation (joining with the link when given). */
  open: { negotiationId: string | null; join: { serverUrl: string; token: string; fingerprint?: string } | null };
  menu: { command: MenuCommand };
  host: HostStatus;
  pending: PendingSummary;
}
export const EVENTS = ['open', 'menu', 'host', 'pending'] as const satisfies readonly (keyof PenholderEvents)[];

// ---- the calls -------------------------------------------------------------------------------------------

/** One call: its argument validators and (as a phantom) its result type. */
export interface Method<A extends unknown[], R> {
  args: { [K in keyof A]: Validator<A[K]> };
  /** Never set: carries the result type. */
  result?: R;
}
const method = <A extends unknown[], R>(...args: { [K in keyof A]: Validator<A[K]> }): Method<A, R> => ({ args });

export const CONTRACT = {
  app: {
    info: method<[], AppInfo>(),
    /**
     * What the app was asked to open (links, files) and the window has not taken yet, oldest first; each
     * is given once. The window takes them when it starts and on every `open` event, so that a link that
     * launched the app is not lost while the window loads.
     */
    takeOpens: method<[], PenholderEvents['open'][]>(),
  },
  store: {
    /** The document as kept on this computer (all updates merged), or null when none is kept. */
    load: method<[string], Uint8Array | null>(docName),
    /** Keeps an update: `local` ones are pending until the server confirms them. */
    append: method<[string, Uint8Array, 'local' | 'remote'], PendingSummary>(docName, bytes(MAX_UPDATE), oneOf('local', 'remote')),
    /** The server's state vector for a document: local updates it covers are confirmed. */
    confirm: method<[string, Uint8Array], PendingSummary>(docName, bytes(1024 * 1024)),
    /** Local updates the server has not confirmed, to send again after a restart. */
    pendingUpdates: method<[string], Uint8Array[]>(docName),
    /** Forgets everything kept of a document whose copy diverged from the server's (a refused write): it syncs afresh. */
    discard: method<[string], PendingSummary>(docName),
    pending: method<[], PendingSummary>(),
  },
  negotiations: {
    recent: method<[], RecentNegotiation[]>(),
    remember: method<[{ negotiationId: string; title: string; serverUrl: string | null; role: Role | null; delegation: { id: string; name: string } | null; token?: string }], RecentNegotiation>(
      object({
        negotiationId,
        title: string({ min: 1, max: 500 }),
        serverUrl: nullable(wsUrl),
        role: nullable(role),
        delegation: nullable(object({ id: string({ min: 1, max: 64, pattern: ID_PATTERN }), name: string({ min: 1, max: 200 }) })),
        token: optional(token),
      }),
    ),
    /** The kept invitation token, to reconnect after a restart. */
    token: method<[string], string | null>(negotiationId),
    forget: method<[string], void>(negotiationId),
  },
  files: {
    /** Shows the open dialog; null when cancelled. */
    open: method<[], OpenedNegotiation | null>(),
    /** Saves to the file it came from, else asks where; null when cancelled. */
    save: method<[string, { saveAs: boolean; includePrivate: boolean }], { filePath: string } | null>(negotiationId, object({ saveAs: boolean, includePrivate: boolean })),
    /** Imports a .txt, .md or .docx text as a new negotiation; null when cancelled. */
    importText: method<[], OpenedNegotiation | null>(),
    /** Exports the clean text or the compilation text; null when cancelled. */
    export: method<[string, ExportChoice], { filePath: string; bytes: number } | null>(
      negotiationId,
      object({
        kind: oneOf('clean', 'compilation', 'redline'),
        format: oneOf('docx', 'pdf', 'html', 'akn'),
        draft: optional(boolean),
        revision: optional(integer(0, 10_000)),
        base: optional((value, at) => (value === 'original' ? ('original' as const) : integer(0, 10_000)(value, at))),
        language: optional(oneOf('en', 'fr')),
        layout: optional(oneOf('table', 'inline')),
        agendaItem: optional(nullable(string({ max: 200 }))),
      }),
    ),
  },
  session: {
    /**
     * Asks a sync server who an invitation token belongs to (GET /api/session), from the main process:
     * over wss:// to a hosted session it checks the certificate against the fingerprint its join link
     * carried; throws when the server cannot be reached or is not the one the link named.
     */
    resolve: method<[string, string], InvitationAnswer>(wsUrl, token),
  },
  server: {
    /**
     * Calls a sync server's HTTP API (`/api/…`, SERVER_API_PATH) with an invitation token as Bearer, from
     * the main process: no CORS in the way of the app's page, and a hosted session's certificate checked
     * against the pinned fingerprint. Any HTTP answer resolves; throws when the server cannot be reached.
     */
    request: method<[string, string, ServerRequest], ServerAnswer>(
      wsUrl,
      token,
      object({ method: oneOf('GET', 'POST', 'DELETE'), path: string({ max: 300, pattern: SERVER_API_PATH }), body: optional(jsonObject(MAX_API_BODY)) }),
    ),
  },
  host: {
    interfaces: method<[], HostInterface[]>(),
    start: method<[{ negotiationId: string; address: string; port: number; delegations: string[] }], HostStatus>(
      object({ negotiationId, address: string({ min: 2, max: 100, pattern: /^[0-9a-fA-F.:]+$/ }), port: integer(0, 65535), delegations: array(string({ min: 1, max: 200 }), 250) }),
    ),
    stop: method<[], HostStatus>(),
    status: method<[], HostStatus>(),
  },
  shell: {
    /** Opens an http(s) or mailto link in the system browser; never in the app. */
    openExternal: method<[string], void>(string({ max: 2000, pattern: /^(https?:\/\/|mailto:)\S+$/ })),
  },
} as const;

export type Contract = typeof CONTRACT;
export type Namespace = keyof Contract;
type ArgsOf<M> = M extends Method<infer A, unknown> ? A : never;
type ResultOf<M> = M extends Method<unknown[], infer R> ? R : never;

/** `window.penholder`, as the preload exposes it. */
export type PenholderApi = {
  [N in Namespace]: { [K in keyof Contract[N]]: (...args: ArgsOf<Contract[N][K]>) => Promise<ResultOf<Contract[N][K]>> };
} & {
  /** Listens to an event from the main process; returns the function that stops listening. */
  on<E extends keyof PenholderEvents>(event: E, listener: (payload: PenholderEvents[E]) => void): () => void;
};

/** What the main process implements: the same calls, with validated arguments. */
export type PenholderHandlers = {
  -readonly [N in Namespace]: { -readonly [K in keyof Contract[N]]: (...args: ArgsOf<Contract[N][K]>) => Promise<ResultOf<Contract[N][K]>> | ResultOf<Contract[N][K]> };
};

/** The IPC channel of a call (`penholder:store.load`) and of an event (`penholder-event:open`). */
export const callChannel = (namespace: string, name: string): string => `penholder:${namespace}.${name}`;
export const eventChannel = (event: keyof PenholderEvents): string => `penholder-event:${event}`;

/** Every call as [namespace, name, channel]. */
export function calls(): [Namespace, string, string][] {
  return (Object.keys(CONTRACT) as Namespace[]).flatMap((n) => Object.keys(CONTRACT[n]).map((k) => [n, k, callChannel(n, k)] as [Namespace, string, string]));
}

/**
 * Builds `window.penholder` from the contract over two functions the preload supplies (ipcRenderer.invoke
 * and a listener on ipcRenderer), so that the preload stays a few lines and tests can build the same API
 * in memory.
 */
export function createPenholderApi(
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
  listen: (channel: string, listener: (payload: unknown) => void) => () => void,
): PenholderApi {
  const api: Record<string, unknown> = {};
  for (const [namespace, name, channel] of calls()) {
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[name] = (...args: unknown[]) => invoke(channel, args);
  }
  api.on = (event: keyof PenholderEvents, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event "${String(event)}".`);
    return listen(eventChannel(event), listener);
  };
  return api as PenholderApi;
}
