import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/model/actor';

/** An invitation as stored: never the token itself, only its SHA-256. */
export interface Invitation {
  id: string;
  negotiationId: string;
  role: Role;
  /** The delegation the invitee speaks for; null for a co-facilitator invited in a personal capacity. */
  delegation: { id: string; name: string } | null;
  /** How the invitee is shown to others: the delegation's name, or a co-facilitator's ("Ireland"); null if none was given. */
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /**
   * The delegation that issued it for its own colleagues (a device link), or null when the co-facilitators
   * (or the Secretariat's command line) did. Only a device link opens the delegation's private document.
   */
  issuedBy: string | null;
}

/** Why a token does not open anything. */
export type TokenRefusal = 'unknown' | 'revoked' | 'expired';

/** An invitation as a database stores it; dates are ISO strings (SQLite) or Dates (PostgreSQL). */
export interface InvitationRow<When = string> {
  id: string;
  negotiation_id: string;
  role: Role;
  delegation_id: string | null;
  delegation_name: string | null;
  created_at: When;
  expires_at: When | null;
  revoked_at: When | null;
  issued_by: string | null;
}

type Row = InvitationRow;

/** The invitation a stored row holds; `iso` reads the database's dates. */
export function invitationFromRow<When>(r: InvitationRow<When>, iso: (when: When) => string): Invitation {
  return {
    id: r.id,
    negotiationId: r.negotiation_id,
    role: r.role,
    delegation: r.delegation_id ? { id: r.delegation_id, name: r.delegation_name ?? r.delegation_id } : null,
    // A co-facilitator is on no roster: their name is kept where a delegation's would be.
    name: r.delegation_name,
    createdAt: iso(r.created_at),
    expiresAt: r.expires_at === null ? null : iso(r.expires_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
    issuedBy: r.issued_by ?? null,
  };
}

const fromRow = (r: Row): Invitation => invitationFromRow(r, (when) => when);

/** The SHA-256 of a token, as stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type MaybePromise<T> = T | Promise<T>;

/** The fields of a new invitation. */
export interface NewInvitation {
  negotiationId: string;
  role: Role;
  delegation: { id: string; name: string } | null;
  /** A co-facilitator's name, shown to others as "Co-facilitator — <name>" (a delegation is shown by its own name). */
  name?: string | null;
  expiresAt?: string | null;
  /** A device link: the delegation issuing it for its colleagues (it must be `delegation`). */
  issuedBy?: string | null;
}

/**
 * Where invitations live: the data directory's SQLite database (`InvitationStore`, synchronous) or a
 * database shared by several nodes (sync-server/storage/postgres, asynchronous). Callers await every result.
 */
export interface Invitations {
  create(fields: NewInvitation): MaybePromise<{ invitation: Invitation; token: string }>;
  verify(token: string, now?: Date): MaybePromise<Invitation | TokenRefusal>;
  recheck(id: string, now?: Date): MaybePromise<Invitation | TokenRefusal>;
  get(id: string): MaybePromise<Invitation | null>;
  list(negotiationId: string): MaybePromise<Invitation[]>;
  revoke(idOrToken: { id: string } | { token: string }): MaybePromise<Invitation | null>;
  /** Invitations revoked at or after `since` (ISO), oldest first: what a running server watches to close their connections at once. */
  revokedSince?(since: string): MaybePromise<{ id: string; revokedAt: string }[]>;
  /**
   * Tells `listener` as soon as any invitation is revoked (by anyone), so that `revokedSince` need not be
   * polled often; `listening` says whether it can (while it cannot, poll). Returns the way to stop.
   */
  watchRevocations?(listener: RevocationListener): () => void;
}

/** What a store that announces revocations calls (see Invitations.watchRevocations). */
export interface RevocationListener {
  /** Some invitation was revoked: read `revokedSince`. */
  revoked(): void;
  /** Whether announcements arrive; after it comes back, something may have been missed (read again). */
  listening(up: boolean): void;
}

/** Why an invitation no longer holds, or the invitation (shared by every store). */
export function checkInvitation(invitation: Invitation, now: Date): Invitation | TokenRefusal {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt && Date.parse(invitation.expiresAt) <= now.getTime()) return 'expired';
  return invitation;
}

/** A new token and the id of its invitation; the token is shown once and never stored. */
export function newToken(): { id: string; token: string } {
  return { id: randomBytes(8).toString('hex'), token: `ph_${randomBytes(32).toString('base64url')}` };
}

/** Invitations and their tokens, in the data directory's database. */
export class InvitationStore implements Invitations {
  /** Statements prepared once: the revocation watch asks on every turn that carries a write. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    // Databases made before device links existed gain the column that says who issued an invitation.
    const columns = db.prepare('PRAGMA table_info(invitations)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'issued_by')) db.exec('ALTER TABLE invitations ADD COLUMN issued_by TEXT');
  }

  /** Creates an invitation and returns it with its token, which is shown once and never stored. */
  create(fields: NewInvitation): { invitation: Invitation; token: string } {
    const { id, token } = newToken();
    const row: Row = {
      id,
      negotiation_id: fields.negotiationId,
      role: fields.role,
      delegation_id: fields.delegation?.id ?? null,
      delegation_name: fields.delegation?.name ?? fields.name ?? null,
      created_at: new Date().toISOString(),
      expires_at: fields.expiresAt ?? null,
      revoked_at: null,
      issued_by: fields.issuedBy ?? null,
    };
    this.statement(
      `INSERT INTO invitations (id, token_hash, negotiation_id, role, delegation_id, delegation_name, created_at, expires_at, revoked_at, issued_by)
       VALUES (@id, @token_hash, @negotiation_id, @role, @delegation_id, @delegation_name, @created_at, @expires_at, @revoked_at, @issued_by)`,
    ).run({ ...row, token_hash: hashToken(token) });
    return { invitation: fromRow(row), token };
  }

  /** The invitation a token opens, or why it opens nothing. */
  verify(token: string, now = new Date()): Invitation | TokenRefusal {
    const row = this.statement('SELECT * FROM invitations WHERE token_hash = ?').get(hashToken(token)) as Row | undefined;
    if (!row) return 'unknown';
    return this.check(fromRow(row), now);
  }

  /** Whether an invitation still holds (it may have been revoked or expired since a connection opened). */
  recheck(id: string, now = new Date()): Invitation | TokenRefusal {
    const invitation = this.get(id);
    return invitation ? this.check(invitation, now) : 'unknown';
  }

  get(id: string): Invitation | null {
    const row = this.statement('SELECT * FROM invitations WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every invitation of a negotiation, oldest first. */
  list(negotiationId: string): Invitation[] {
    const rows = this.statement('SELECT * FROM invitations WHERE negotiation_id = ? ORDER BY created_at, id').all(negotiationId) as Row[];
    return rows.map(fromRow);
  }

  /** Revokes an invitation by id or by token; returns it, or null when there is no such invitation. */
  revoke(idOrToken: { id: string } | { token: string }): Invitation | null {
    const row = (
      'id' in idOrToken
        ? this.statement('SELECT * FROM invitations WHERE id = ?').get(idOrToken.id)
        : this.statement('SELECT * FROM invitations WHERE token_hash = ?').get(hashToken(idOrToken.token))
    ) as Row | undefined;
    if (!row) return null;
    if (!row.revoked_at) {
      row.revoked_at = new Date().toISOString();
      this.statement('UPDATE invitations SET revoked_at = ? WHERE id = ?').run(row.revoked_at, row.id);
    }
    return fromRow(row);
  }

  revokedSince(since: string): { id: string; revokedAt: string }[] {
    return this.statement('SELECT id, revoked_at AS revokedAt FROM invitations WHERE revoked_at >= ? ORDER BY revoked_at').all(since) as { id: string; revokedAt: string }[];
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  private check(invitation: Invitation, now: Date): Invitation | TokenRefusal {
    return checkInvitation(invitation, now);
  }
}
