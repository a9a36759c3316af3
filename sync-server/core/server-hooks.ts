import type * as Y from 'yjs';
import type { Actor } from '../../shared/model/actor';
import type { DocumentRef } from '../../shared/protocol/document-names';
import type { DelegationFactsSnapshot } from './delegation-facts';

/** Who is behind a connection, as the authentication hook established it. */
export interface Identity {
  actor: Actor;
  negotiationId: string;
  /** The invitation the token belongs to; revoking it closes the connection. */
  invitationId: string;
  /** For logs and awareness: the delegation's name, or "co-facilitator". */
  label: string;
  delegationName: string | null;
  /** How others see them: the delegation's name, or a co-facilitator's ("Ireland"); null when none was given. */
  name: string | null;
}

/** Refuses a connection with a 44xx close code (see CloseCode). */
export class AuthRefusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'AuthRefusal';
  }
}

/**
 * Hooks into the server core, in the manner of Hocuspocus extensions. The server calls every hook
 * object in order; `onAuthenticate` and `onRevalidate` are taken from the first that defines them.
 */
export interface ServerHooks {
  /** Establishes who the token belongs to; throws AuthRefusal to refuse. */
  onAuthenticate?(context: { token: string | null; documentName: string; negotiationId: string; ref: DocumentRef }): Identity | Promise<Identity>;
  /** Called periodically for open connections: a reason when the identity no longer holds, else null. */
  onRevalidate?(identity: Identity): string | null | Promise<string | null>;
  onConnect?(context: { documentName: string; identity: Identity; readOnly: boolean }): void;
  onDisconnect?(context: { documentName: string; identity: Identity | null; code: number; reason: string }): void;
  /** After the document was loaded from the store, before any client syncs against it. */
  onLoadDocument?(context: { documentName: string; doc: Y.Doc }): void;
  onUnloadDocument?(context: { documentName: string }): void;
  /**
   * A delegation's document held on a thread of its own (it grew large; its `doc` no longer changes):
   * its facts as of its latest change, posted after every change that altered them; null once it is
   * no longer held.
   */
  onDocumentFacts?(context: { documentName: string; facts: DelegationFactsSnapshot | null }): void;
  /**
   * Before a client's update is applied: the reason to refuse it (the client gets y-protocols'
   * permission-denied with it; nothing is applied, stored or broadcast), or null to let it through.
   * Every hook object that defines it is asked, in order. Only new content is asked about.
   */
  validateUpdate?(context: { documentName: string; doc: Y.Doc; update: Uint8Array; identity: Identity }): string | null;
  /** A write was accepted (it is durable once onStoreDocument follows). */
  onChange?(context: { documentName: string; update: Uint8Array; identity: Identity | null }): void;
  /** Updates were made durable; they are echoed and broadcast right after. */
  onStoreDocument?(context: { documentName: string; bytes: number; durationMs: number }): void;
  /** The document's stored log was compacted (its stored size changed). */
  onCompactDocument?(context: { documentName: string }): void;
  /** A connection tried to change a document it may only read, or sent a change the rules refuse (`reason`); nothing was applied. */
  onRefusedWrite?(context: { documentName: string; identity: Identity; reason?: string }): void;
  /** A connection was closed for what it sent (malformed, oversized, flood, slow). */
  onBadClient?(context: { documentName: string; identity: Identity | null; code: number; reason: string }): void;
}

/** Calls one hook on every hook object. */
export function callHooks<K extends keyof ServerHooks>(hooks: readonly ServerHooks[], name: K, ...args: Parameters<NonNullable<ServerHooks[K]>>): void {
  for (const h of hooks) (h[name] as ((...a: unknown[]) => unknown) | undefined)?.(...args);
}

/** The first reason a hook gives to refuse an update, or null. */
export function refusalOf(hooks: readonly ServerHooks[], context: Parameters<NonNullable<ServerHooks['validateUpdate']>>[0]): string | null {
  for (const h of hooks) {
    const reason = h.validateUpdate?.(context);
    if (reason) return reason;
  }
  return null;
}
