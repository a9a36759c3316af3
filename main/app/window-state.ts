/** A window's position and size, and whether it was maximized or full screen. */
export interface WindowState {
  x: number | null;
  y: number | null;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

/** A display's work area. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { x: null, y: null, width: 1280, height: 860, maximized: false, fullScreen: false };
const MIN = { width: 640, height: 480 };

/**
 * The state to restore: the saved one when it is sound and still visible on a display (a monitor may
 * have been unplugged since), otherwise the saved size centred by the system; otherwise the default.
 */
export function restoreWindowState(saved: unknown, displays: Area[]): WindowState {
  if (!isState(saved)) return { ...DEFAULT_WINDOW };
  const area = displays[0];
  const width = Math.max(MIN.width, Math.min(saved.width, area ? area.width : saved.width));
  const height = Math.max(MIN.height, Math.min(saved.height, area ? area.height : saved.height));
  const state = { ...saved, width, height };
  if (saved.x === null || saved.y === null) return { ...state, x: null, y: null };
  const visible = displays.some((d) => overlap(d, { x: saved.x!, y: saved.y!, width, height }) >= 0.25 * width * height || overlap(d, { x: saved.x!, y: saved.y!, width, height: 40 }) >= 40 * 100);
  return visible ? state : { ...state, x: null, y: null };
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function isState(v: unknown): v is WindowState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const coord = (n: unknown) => n === null || (typeof n === 'number' && Number.isFinite(n));
  const size = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 100_000;
  return coord(s.x) && coord(s.y) && size(s.width) && size(s.height) && typeof s.maximized === 'boolean' && typeof s.fullScreen === 'boolean';
}
