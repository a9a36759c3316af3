import { useCallback, useState } from 'react';

const KEY = 'penholder.systemNotifications';

/** Whether the system's notifications exist here (the web's Notification API; Electron's window has it too). */
export const systemNotificationsAvailable = (): boolean => typeof Notification !== 'undefined';

/**
 * The person's choice to be told through the system's notifications too (off until they turn it on),
 * kept on this computer. Turning it on asks the system's permission; a refusal leaves it off and says so.
 */
export function useSystemNotifications(): { on: boolean; denied: boolean; setOn(on: boolean): Promise<void> } {
  const [on, setOnState] = useState(() => systemNotificationsAvailable() && localStorage.getItem(KEY) === 'on' && Notification.permission === 'granted');
  const [denied, setDenied] = useState(false);
  const setOn = useCallback(async (wanted: boolean) => {
    if (wanted && systemNotificationsAvailable()) {
      const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
      setDenied(permission !== 'granted');
      wanted = permission === 'granted';
    }
    localStorage.setItem(KEY, wanted ? 'on' : 'off');
    setOnState(wanted);
  }, []);
  return { on, denied, setOn };
}

/** Whether the person is looking at this window now: it is shown and has the focus. */
export const windowWatched = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Shows one notice through the system, only while the person is not looking at the window (hidden,
 * minimised or in the background): in front of them, the notice in the window says it already. A click
 * brings the window forward and shows the paragraph.
 */
export function notifySystem(notice: { id: string; text: string }, title: string, lang: string, onClick: () => void): void {
  if (!systemNotificationsAvailable() || Notification.permission !== 'granted' || windowWatched()) return;
  const shown = new Notification(title, { body: notice.text, tag: notice.id, lang });
  shown.onclick = () => {
    window.focus();
    onClick();
    shown.close();
  };
}
