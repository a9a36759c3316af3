import { CloseCode } from '../../shared/protocol/close-codes';
import type { ConnectionSocket } from './client-connection';
import { SLOW_CLOSE_GRACE_MS, type BudgetConsumer, type MemoryBudget } from './memory-budget';

/** A client's socket as the memory budget sees it: what waits to be written to it, and how to drop it. */
export class SocketConsumer implements BudgetConsumer {
  closed = false;

  constructor(
    private readonly socket: ConnectionSocket,
    private readonly close: (code: number, reason: string) => void,
    private readonly budget: MemoryBudget,
  ) {}

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  closeAsSlow(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.budget.closed(this);
    this.close(CloseCode.slowConsumer, reason);
    if (this.socket.terminate) setTimeout(() => this.socket.terminate!(), SLOW_CLOSE_GRACE_MS).unref();
  }
}
