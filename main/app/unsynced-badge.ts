import type { PendingSummary } from '../../shared/ipc/contract';

/** Where the count shows: the dock or taskbar badge (app.setBadgeCount), and the tray's tooltip. */
export interface BadgeSurface {
  setBadgeCount(count: number): void;
  setTrayTooltip(text: string): void;
}

/** The tooltip for a count of changes waiting to sync. */
export function unsyncedText(count: number): string {
  if (count === 0) return 'Penholder: everything is synced';
  return `Penholder: ${count} change${count === 1 ? '' : 's'} not yet synced`;
}

/** Shows the number of local changes the server has not confirmed; only repaints when it changes. */
export class UnsyncedBadge {
  private shown: number | null = null;

  constructor(private readonly surface: BadgeSurface) {}

  update(summary: PendingSummary): void {
    const count = Math.max(0, summary.total);
    if (count === this.shown) return;
    this.shown = count;
    this.surface.setBadgeCount(count);
    this.surface.setTrayTooltip(unsyncedText(count));
  }
}
