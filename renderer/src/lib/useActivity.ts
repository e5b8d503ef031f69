import { useEffect, useRef } from 'react';
import { call } from '../bridge';

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;
const PING_EVERY_MS = 30_000;

/**
 * While the user works, tell the core at most every 30 s (its own inactivity timer then restarts); when idle
 * for `lockMinutes`, lock the session ourselves (the core does it too and pushes `session.locked`).
 */
export function useActivity(enabled: boolean, lockMinutes: number, onLocked: () => void): void {
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const onLockedRef = useRef(onLocked);
  onLockedRef.current = onLocked;

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    lastPing.current = Date.now();
    const active = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastPing.current >= PING_EVERY_MS) {
        lastPing.current = now;
        void call('app.activity').catch(() => undefined);
      }
    };
    for (const ev of EVENTS) window.addEventListener(ev, active, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= lockMinutes * 60_000) {
        window.clearInterval(timer);
        void call('auth.lock')
          .catch(() => undefined)
          .finally(() => onLockedRef.current());
      }
    }, 5_000);
    return () => {
      for (const ev of EVENTS) window.removeEventListener(ev, active, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, lockMinutes]);
}
