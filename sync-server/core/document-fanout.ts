/**
 * How a node hears what other nodes wrote to a document it holds, and tells them what it wrote
 * (sync-server/redis implements it over Redis pub/sub). Without one, a server is a single node.
 * Only durable updates are published: the store is the truth, the fan-out only makes it quick.
 */
export interface DocumentFanout {
  /**
   * Subscribes to a document. Resolves once every message published from then on reaches `listener`,
   * or once it is known that some may not (the fan-out is down): `listener.resync` then follows when
   * it is back. The caller reads the store only after this resolves, so nothing falls in between.
   */
  subscribe(name: string, listener: FanoutListener): Promise<FanoutSubscription>;
}

/** What a node hears about one document. */
export interface FanoutListener {
  /** An update another node made durable. */
  update(update: Uint8Array): void;
  /** An awareness update from another node's clients, stamped there; `node` names that node (it owns those ids). */
  awareness(update: Uint8Array, node: string): void;
  /** Messages may have been missed: read the document from the store again. */
  resync(): void;
}

/** One document's subscription. */
export interface FanoutSubscription {
  /** Tells the other nodes about an update, which must already be durable. */
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  unsubscribe(): void;
}
