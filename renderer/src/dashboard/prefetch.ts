/**
 * Start-up (issue 9): right after « Se connecter » the window asks for its status and for the dashboard in the same
 * breath, so the core answers `dashboard.get` while the window is still drawing the shell, instead of after it.
 * The core still checks `dashboard.get` like any call (session, commune, role); the window only saves a round trip.
 */
import { createContext } from 'react';
import { call, type HandlerResult } from '../bridge';

type DashboardData = HandlerResult<'dashboard.get'>;

/** A `dashboard.get` already sent, for the first Dashboard drawn after the login: taken once, then gone. */
export interface DashboardPrefetch {
  take(): Promise<DashboardData> | null;
}

export function prefetchDashboard(): DashboardPrefetch {
  // a refused or failed answer is never shown from here: the Dashboard asks again and shows that answer
  let pending: Promise<DashboardData | null> | null = call('dashboard.get').catch(() => null);
  return {
    take() {
      const p = pending;
      pending = null;
      return p && p.then((data) => data ?? call('dashboard.get'));
    },
  };
}

/** Given by App only with the status that shows the dashboard at once (ready, a commune open, no problem). */
export const DashboardPrefetchContext = createContext<DashboardPrefetch | null>(null);
