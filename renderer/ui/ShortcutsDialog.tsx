import { useEffect, useRef } from 'react';
import { useT } from '../i18n/translate';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';
import { BRACKET_KEYS } from './wording';

/** Every keyboard shortcut of the app, as listed under "?". */
export const SHORTCUTS: { keys: string; what: MessageKey }[] = [
  { keys: 'Control+Z', what: 'keys.undo' },
  { keys: 'Control+Y, Control+Shift+Z', what: 'keys.redo' },
  { keys: BRACKET_KEYS.bracket, what: 'keys.bracket' },
  { keys: BRACKET_KEYS.unbracket, what: 'keys.unbracket' },
  { keys: 'Alt+ArrowDown', what: 'keys.next' },
  { keys: 'Alt+ArrowUp', what: 'keys.previous' },
  { keys: 'ContextMenu, Shift+F10', what: 'keys.menu' },
  { keys: 'Escape', what: 'keys.escape' },
  { keys: '?, Control+/', what: 'keys.help' },
];

/** The list of keyboard shortcuts, in a modal dialog (Escape closes it, the focus goes back). */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    const back = document.activeElement as HTMLElement | null;
    d.showModal();
    return () => back?.focus?.();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-h" onClose={onClose}>
      <h2 id="shortcuts-h">{t('keys.heading')}</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys}>
            <dt>
              {s.keys.split(', ').map((k) => (
                <kbd key={k}>{keyWords(k, t)}</kbd>
              ))}
            </dt>
            <dd>{t(s.what)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('keys.suggest')}</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('keys.close')}
        </button>
      </div>
    </dialog>
  );
}

const KEY_NAMES: Record<string, MessageKey> = { Control: 'keys.name.control', Shift: 'keys.name.shift', Escape: 'keys.name.escape', ContextMenu: 'keys.name.menu' };
const ARROWS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

/** A key combination as the keyboard's keys are named in the interface language: "Ctrl+Maj+B" in French. */
export function keyWords(keys: string, t: Translate): string {
  return keys
    .split('+')
    .map((k) => (KEY_NAMES[k] ? t(KEY_NAMES[k]) : (ARROWS[k] ?? k)))
    .join('+');
}

/** Whether a key press happens where typing goes (a field or the text), where "?" is a character. */
export function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Alt+↓ / Alt+↑: the text of the next or previous paragraph takes the focus. */
export function moveToParagraph(from: Element | null, step: 1 | -1): boolean {
  const articles = [...document.querySelectorAll<HTMLElement>('article.paragraph')];
  const here = from?.closest('article.paragraph');
  const i = here ? articles.indexOf(here as HTMLElement) : -1;
  const next = articles[i + step] ?? (i < 0 ? articles[0] : undefined);
  const target = next?.querySelector<HTMLElement>('.editor[contenteditable="true"], .editor[tabindex="0"]') ?? next?.querySelector<HTMLElement>('h2');
  if (!target) return false;
  if (target.tagName === 'H2') target.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  return true;
}
