/** The limits that keep one client from hurting the others. */
export interface ServerLimits {
  /** The largest frame a client may send, in bytes (a whole imported resolution fits in far less). */
  maxFrameBytes: number;
  /** The average number of frames per second a connection may send. */
  messagesPerSecond: number;
  /** The burst of frames allowed above that rate. */
  messageBurst: number;
  /** Bytes queued towards a client beyond which it is disconnected as too slow. */
  maxBufferedBytes: number;
  /** How long a document stays in memory after its last client left. */
  idleUnloadMs: number;
  /** Log rows appended to a loaded document before it is compacted in the background. */
  compactAfterUpdates: number;
  /** How often open connections' invitations are checked for revocation and expiry. */
  revalidateMs: number;
  /** The most one document may hold in the store (snapshot and log); writes beyond are refused. */
  documentQuotaBytes: number;
  /** The most one delegation's documents (published and private) may hold together. */
  delegationQuotaBytes: number;
  /**
   * Memory for the whole server: bytes queued towards clients plus loaded documents (estimated at
   * 10× their encoded size). Over it, the slowest readers beyond their share are closed (4508) before
   * anything more is queued, and documents that do not fit are not loaded (1013, try again later).
   */
  memoryBudgetBytes: number;
  /** Awareness client ids one connection may announce (a stock client uses one); more are refused, not relayed. */
  maxAwarenessIdsPerConnection: number;
  /** The largest awareness state (JSON bytes) relayed; larger ones are refused, not relayed. */
  maxAwarenessStateBytes: number;
  /** Open connections one invitation may hold (every window and document of its holder); more close with 4429. */
  maxConnectionsPerToken: number;
  /**
   * Bytes of updates past which a document other than the table is held on a thread of its own (its
   * Y structures applied and collected there, not on the thread that serves everyone); a delegation's
   * document of a real negotiation is tens of kilobytes.
   */
  offThreadAboveBytes: number;
  /** Open connections from one network address (a meeting room behind one NAT is one address); more close with 4429. */
  maxConnectionsPerAddress: number;
}

/** Defaults suited to a conference room of 193 delegations with several people each. */
export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: 8 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 500,
  maxBufferedBytes: 32 * 1024 * 1024,
  idleUnloadMs: 30_000,
  compactAfterUpdates: 500,
  revalidateMs: 5_000,
  documentQuotaBytes: 32 * 1024 * 1024,
  delegationQuotaBytes: 48 * 1024 * 1024,
  // A laptop of 8 GB serving a room: a quarter of it at most; documents of ~100 MB encoded fit.
  memoryBudgetBytes: 1024 * 1024 * 1024,
  maxAwarenessIdsPerConnection: 4,
  // A name, a colour and a selection take a few hundred bytes.
  maxAwarenessStateBytes: 8 * 1024,
  // Each window opens the table and the documents of the delegations present (up to ~200).
  maxConnectionsPerToken: 512,
  maxConnectionsPerAddress: 4096,
  offThreadAboveBytes: 2 * 1024 * 1024,
};
