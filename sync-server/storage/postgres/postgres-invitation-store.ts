import pg, { type Pool } from 'pg';
import { checkInvitation, hashToken, invitationFromRow, newToken, type Invitation, type InvitationRow, type Invitations, type NewInvitation, type RevocationListener, type TokenRefusal } from '../invitation-store';

type Row = InvitationRow<Date>;

const fromRow = (r: Row): Invitation => invitationFromRow(r, (when) => when.toISOString());

const COLUMNS = 'id, negotiation_id, role, delegation_id, delegation_name, created_at, expires_at, revoked_at, issued_by';

/**
 * Invitations in PostgreSQL, shared by every node: one made or revoked through any node (or the
 * command line with --postgres) holds on all of them. Same behaviour as the SQLite InvitationStore.
 * Rechecks of open connections arriving in the same turn are answered by one query.
 */
export class PostgresInvitationStore implements Invitations {
  private pendingRechecks = new Map<string, { resolve: (i: Invitation | null) => void; reject: (e: unknown) => void }[]>();

  /** The connections listening for revocations (see watchRevocations), ended on close. */
  private readonly watches = new Set<() => void>();

  /** `url` lets it open the connection that listens for revocations; without it, watchers poll. */
  constructor(
    private readonly pool: Pool,
    private readonly url: string | null = null,
  ) {}

  async create(fields: NewInvitation): Promise<{ invitation: Invitation; token: string }> {
    const { id, token } = newToken();
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO penholder_invitations (id, token_hash, negotiation_id, role, delegation_id, delegation_name, created_at, expires_at, revoked_at, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9) RETURNING ${COLUMNS}`,
      [id, hashToken(token), fields.negotiationId, fields.role, fields.delegation?.id ?? null, fields.delegation?.name ?? fields.name ?? null, new Date(), fields.expiresAt ?? null, fields.issuedBy ?? null],
    );
    return { invitation: fromRow(rows[0]!), token };
  }

  async verify(token: string, now = new Date()): Promise<Invitation | TokenRefusal> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM penholder_invitations WHERE token_hash = $1`, [hashToken(token)]);
    return rows[0] ? checkInvitation(fromRow(rows[0]), now) : 'unknown';
  }

  async recheck(id: string, now = new Date()): Promise<Invitation | TokenRefusal> {
    const invitation = await this.batchedGet(id);
    return invitation ? checkInvitation(invitation, now) : 'unknown';
  }

  async get(id: string): Promise<Invitation | null> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM penholder_invitations WHERE id = $1`, [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(negotiationId: string): Promise<Invitation[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM penholder_invitations WHERE negotiation_id = $1 ORDER BY created_at, id`, [negotiationId]);
    return rows.map(fromRow);
  }

  async revoke(idOrToken: { id: string } | { token: string }): Promise<Invitation | null> {
    const [column, value] = 'id' in idOrToken ? ['id', idOrToken.id] : ['token_hash', hashToken(idOrToken.token)];
    const { rows } = await this.pool.query<Row>(
      `UPDATE penholder_invitations SET revoked_at = coalesce(revoked_at, $2) WHERE ${column} = $1 RETURNING ${COLUMNS}`,
      [value, new Date()],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Every node asks this when a revocation is announced, and while it cannot listen every few ms: a named statement (PostgreSQL's CPU per poll 80 → 30 µs). */
  async revokedSince(since: string): Promise<{ id: string; revokedAt: string }[]> {
    const { rows } = await this.pool.query<{ id: string; revoked_at: Date }>({
      name: 'penholder-revoked-since',
      text: 'SELECT id, revoked_at FROM penholder_invitations WHERE revoked_at >= $1 ORDER BY revoked_at',
      values: [new Date(since)],
    });
    return rows.map((r) => ({ id: r.id, revokedAt: r.revoked_at.toISOString() }));
  }

  /**
   * LISTEN on a connection of its own for the announcement every revocation's commit sends (migration 4),
   * so that a node reads revocations when there are some, not every 10 ms (polling cost an idle node 4 % of
   * a core, and PostgreSQL 0.7 % per node). A lost connection is opened again after a second; meanwhile
   * `listening(false)` has the watcher poll.
   */
  watchRevocations(listener: RevocationListener): () => void {
    if (!this.url) {
      listener.listening(false);
      return () => undefined;
    }
    const url = this.url;
    let stopped = false;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const lost = (dead: pg.Client) => {
      if (client !== dead) return;
      client = null;
      dead.end().catch(() => undefined);
      if (stopped) return;
      listener.listening(false);
      retry = setTimeout(listen, 1_000);
      retry.unref();
    };
    const listen = () => {
      retry = null;
      const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
      client = next;
      next.on('error', () => lost(next));
      next.on('end', () => lost(next));
      next.on('notification', () => listener.revoked());
      next
        .connect()
        .then(() => next.query('LISTEN penholder_revoked'))
        .then(
          () => {
            if (client !== next || stopped) return;
            listener.listening(true);
            listener.revoked(); // what was revoked while nobody listened
          },
          () => lost(next),
        );
    };
    listen();
    const stop = () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      last?.end().catch(() => undefined);
      this.watches.delete(stop);
    };
    this.watches.add(stop);
    return stop;
  }

  /** Stops listening for revocations; the pool belongs to whoever opened it. */
  close(): void {
    for (const stop of [...this.watches]) stop();
  }

  private batchedGet(id: string): Promise<Invitation | null> {
    return new Promise((resolve, reject) => {
      if (this.pendingRechecks.size === 0) setImmediate(() => void this.runRechecks());
      const waiting = this.pendingRechecks.get(id) ?? [];
      waiting.push({ resolve, reject });
      this.pendingRechecks.set(id, waiting);
    });
  }

  private async runRechecks(): Promise<void> {
    const batch = this.pendingRechecks;
    this.pendingRechecks = new Map();
    try {
      const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM penholder_invitations WHERE id = ANY($1::text[])`, [[...batch.keys()]]);
      const found = new Map(rows.map((r) => [r.id, fromRow(r)]));
      for (const [id, waiting] of batch) for (const w of waiting) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }
}
