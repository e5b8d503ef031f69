import type { Implementations } from '../context';
import type { dashboardApi } from './schemas';
import { parisDay } from '../kernel';
import { arrivalsSince, openTodos, previousVisit, type Todo } from './dashboard';
import { delivreesCeMois } from '../etat-civil';

export const dashboardHandlers = {
  'dashboard.get': (ctx) => {
    const { id, db } = ctx.commune();
    ctx.core.refreshTodos(db, ctx.now);
    const since = previousVisit(db, ctx.session().login);
    const today = parisDay(ctx.now);
    // a failed automatic backup is shown first, as a task of the day (main/host/communes.ts dailyBackup)
    const warning = ctx.core.communes.backupWarning(id);
    const backupTodo: Todo[] = warning
      ? [{ id: 0, due_date: today, title: warning, legal_ref: null, object_type: 'sauvegarde', object_id: null }]
      : [];
    // copies and extracts handed over or posted this month: a count, no name (issue 12)
    return {
      since,
      arrivals: arrivalsSince(db, since),
      todos: [...backupTodo, ...openTodos(db)],
      today,
      etatCivilDelivreesCeMois: delivreesCeMois(db, today),
    };
  },
} satisfies Implementations<typeof dashboardApi, 'dashboard.get'>;
