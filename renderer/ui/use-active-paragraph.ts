import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The paragraph being worked on (it carries the toolbar), and the function that makes another one so.
 * While a mouse button is down the change waits for the click to end: the toolbar leaving one
 * paragraph moves the ones below it, and a click whose press and release land on different places is
 * no click at all.
 */
export function useActiveParagraph(): [string | null, (id: string) => void] {
  const [active, setActive] = useState<string | null>(null);
  const waiting = useRef<string | null>(null);
  const pressed = useRef(false);
  useEffect(() => {
    const down = () => (pressed.current = true);
    const up = () => {
      pressed.current = false;
      // After the click event this release makes.
      setTimeout(() => {
        if (waiting.current !== null) setActive(waiting.current);
        waiting.current = null;
      });
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
    };
  }, []);
  const activate = useCallback((id: string) => {
    if (pressed.current) waiting.current = id;
    else setActive(id);
  }, []);
  return [active, activate];
}
