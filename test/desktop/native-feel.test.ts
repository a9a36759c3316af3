import { describe, expect, it } from 'vitest';
import { DeadlineScheduler, deadlinesOf, type Clock, type Deadline } from '../../main/app/deadline-scheduler';
import { menuTemplate } from '../../main/app/menu-template';
import { UnsyncedBadge } from '../../main/app/unsynced-badge';
import { DEFAULT_WINDOW, restoreWindowState } from '../../main/app/window-state';
import { demoNegotiation } from '../../main/demo/demo-negotiation';
import { openSilence } from '../../shared/model/silence-commands';

/** A clock the test moves by hand. */
function fakeClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: ++next }), next),
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}

const H = 3600_000;

describe('deadline notifications', () => {
  it('finds the silence and ad ref deadlines in a negotiation', () => {
    const now = new Date('2026-04-26T09:00:00Z');
    const negotiation = demoNegotiation(now);
    // The demo text holds brackets: silence runs with them kept open.
    openSilence(negotiation, { role: 'cofacilitator', delegationId: null }, '2026-04-28T18:00:00Z', now.toISOString(), { keepOpen: true });
    const found = deadlinesOf(negotiation);
    expect(found.map((d) => [d.kind, d.at])).toEqual([
      ['silence', '2026-04-28T18:00:00.000Z'.replace('.000', '')],
      ['adref', new Date(now.getTime() + 72 * H).toISOString()],
    ]);
    expect(found[1]!.body).toMatch(/^\d+\. of “Political declaration|agreed ad ref until/);
  });

  it('warns a day and an hour ahead, once each, and at once when opened inside the last hour', () => {
    const clock = fakeClock(Date.parse('2026-04-26T18:00:00Z'));
    const told: string[] = [];
    const scheduler = new DeadlineScheduler((d, remaining) => told.push(`${d.kind} ${Math.round(remaining / H)}h`), clock);
    const silence: Deadline = { key: 'n/silence/s1', negotiationId: 'n', kind: 'silence', at: '2026-04-28T18:00:00Z', title: 'Silence', body: '' };
    scheduler.plan('n', [silence]);
    expect(scheduler.planned).toBe(2);
    clock.advance(24 * H);
    expect(told).toEqual(['silence 24h']);
    scheduler.plan('n', [silence]); // a refresh (the table changed) does not repeat a warning
    clock.advance(23 * H);
    expect(told).toEqual(['silence 24h', 'silence 1h']);
    clock.advance(2 * H);
    expect(told).toHaveLength(2);

    const late = new DeadlineScheduler((d) => told.push(`late ${d.kind}`), fakeClock(Date.parse('2026-04-28T17:30:00Z')));
    late.plan('n', [silence]);
    expect(told.at(-1)).toBe('late silence');
    late.stop();
  });
});

describe('the unsynced badge', () => {
  it('shows the count of changes waiting, only when it changes', () => {
    const shown: [number, string][] = [];
    let text = '';
    const badge = new UnsyncedBadge({ setBadgeCount: (n) => shown.push([n, text]), setTrayTooltip: (t) => (text = t) });
    badge.update({ total: 3, byDocument: { 'n/table': 3 } });
    badge.update({ total: 3, byDocument: { 'n/table': 3 } });
    badge.update({ total: 0, byDocument: {} });
    expect(shown.map(([n]) => n)).toEqual([3, 0]);
    expect(text).toBe('Penholder: everything is synced');
  });
});

describe('window state and menu', () => {
  const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores a saved window on a present display, and recentres one whose monitor is gone', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true, fullScreen: false };
    expect(restoreWindowState(saved, display)).toEqual(saved);
    expect(restoreWindowState({ ...saved, x: 2500 }, display)).toMatchObject({ x: null, y: null, width: 1200 });
    expect(restoreWindowState({ ...saved, width: 9000 }, display).width).toBe(1920);
    expect(restoreWindowState('garbage', display)).toEqual(DEFAULT_WINDOW);
    expect(restoreWindowState({ ...saved, width: -5 }, display)).toEqual(DEFAULT_WINDOW);
  });

  it('has a shortcut for each main action, none used twice, on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32']) {
      const items = menuTemplate(platform, { devTools: false }).flatMap((s) => s.items);
      const accelerators = items.flatMap((i) => ('accelerator' in i && i.accelerator ? [i.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      expect(accelerators).toEqual(expect.arrayContaining(['CmdOrCtrl+O', 'CmdOrCtrl+S', 'CmdOrCtrl+J', 'CmdOrCtrl+I', 'CmdOrCtrl+F']));
      expect(items.some((i) => 'role' in i && i.role === 'toggleDevTools')).toBe(false);
    }
  });
});
