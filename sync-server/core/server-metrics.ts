import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServerHooks } from './server-hooks';

/** Prometheus metrics, fed by the core's hooks. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly connections = new Gauge({ name: 'penholder_connections', help: 'Open client connections', registers: [this.registry] });
  private readonly documents = new Gauge({ name: 'penholder_documents_loaded', help: 'Documents in memory', registers: [this.registry] });
  private readonly updates = new Counter({ name: 'penholder_updates_total', help: 'Accepted updates (rate() gives updates per second)', registers: [this.registry] });
  private readonly rejectedWrites = new Counter({ name: 'penholder_rejected_writes_total', help: 'Writes refused to read-only connections', registers: [this.registry] });
  private readonly badClients = new Counter({ name: 'penholder_bad_client_closes_total', help: 'Connections closed for what they sent', labelNames: ['code'], registers: [this.registry] });
  private readonly storeLatency = new Histogram({
    name: 'penholder_store_write_seconds',
    help: 'Time to make an update durable',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'penholder_' });
  }

  /** The hooks that keep the metrics current. */
  hooks(): ServerHooks {
    return {
      onConnect: () => this.connections.inc(),
      onDisconnect: ({ identity }) => {
        // Only connections that were counted at onConnect (authenticated ones) are uncounted.
        if (identity) this.connections.dec();
      },
      onLoadDocument: () => this.documents.inc(),
      onUnloadDocument: () => this.documents.dec(),
      onChange: () => this.updates.inc(),
      onStoreDocument: ({ durationMs }) => this.storeLatency.observe(durationMs / 1000),
      onRefusedWrite: () => this.rejectedWrites.inc(),
      onBadClient: ({ code }) => this.badClients.inc({ code: String(code) }),
    };
  }
}
