import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/translate';

/** One action of the menu. */
export interface MenuAction {
  id: string;
  label: string;
  run(): void;
}

/** Where a menu opens: under `y`; above `above` (the top of the words) when there is no room under. */
export interface MenuPoint {
  x: number;
  y: number;
  above?: number;
}

/** The Menu key or Shift+F10: the keyboard's way to open a context menu. */
export const isMenuKey = (e: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): boolean =>
  e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey);

/**
 * A context menu on the words selected in a paragraph: opened by a right click, the Menu key or
 * Shift+F10, at the selection. Arrow keys, Home and End move between actions, Enter runs one, Escape
 * and Tab close it; the focus goes back to the text it came from.
 */
export function SelectionMenu({ at, label, actions, onClose }: { at: MenuPoint; label: string; actions: MenuAction[]; onClose(refocus: boolean): void }) {
  const t = useT();
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  // Below the words, or above them when the window has no room below; never over them.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const below = at.y + box.height <= window.innerHeight - 4;
    setPlace({ left: Math.max(4, Math.min(at.x, window.innerWidth - box.width - 4)), top: below ? at.y : Math.max(4, (at.above ?? at.y) - box.height) });
  }, [at]);
  // The first action takes the focus once the menu is placed (a hidden element cannot take it).
  const placed = place !== null;
  useEffect(() => {
    if (placed) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [placed]);
  useEffect(() => {
    // A click anywhere else closes it, as any context menu.
    const away = (e: PointerEvent) => !menu.current?.contains(e.target as Node) && onClose(false);
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab' || isMenuKey(e)) onClose(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const style = place ?? { left: at.x, top: at.y, visibility: 'hidden' as const };
  return (
    <div ref={menu} className="selection-menu" role="menu" aria-label={t('menu.selection', { label })} style={style} onKeyDown={onKeyDown}>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-action={a.id}
          onClick={() => {
            onClose(false);
            a.run();
          }}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
