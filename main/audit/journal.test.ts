import { withCommune } from '../../test-support/helpers';
import { listJournal, record } from './journal';

describe('journal', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    const t = await withCommune();
    const { db } = t.core.communes.get(t.communeId);
    expect(() => db.prepare("UPDATE journal SET summary = 'effacé'").run()).toThrow(/journal_append_only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/journal_append_only/);
    expect(() => t.core.workspace.prepare('DELETE FROM journal').run()).toThrow(/journal_append_only/);
    t.close();
  });

  it('records who did what, when, on which object, and filters', async () => {
    const t = await withCommune();
    const { db } = t.core.communes.get(t.communeId);
    record(
      db,
      new Date('2026-11-20T10:00:00Z'),
      { login: 'maire', name: 'Hélène Lefèvre' },
      { action: 'test.x', summary: 'Signature 100% réussie', objectType: 'deliberation', objectId: 7 },
    );
    const all = listJournal(db, { limit: 50, offset: 0 });
    expect(all.total).toBeGreaterThanOrEqual(4);
    const byUser = listJournal(db, { user: 'maire', limit: 50, offset: 0 });
    expect(byUser.rows).toHaveLength(1);
    expect(byUser.rows[0]).toMatchObject({ object_type: 'deliberation', object_id: '7', user_name: 'Hélène Lefèvre' });
    expect(listJournal(db, { from: '2026-11-21', limit: 50, offset: 0 }).rows.every((r) => r.at >= '2026-11-21')).toBe(
      true,
    );
    expect(listJournal(db, { to: '2026-11-20', limit: 50, offset: 0 }).rows).toHaveLength(1);
    // LIKE wildcards typed by the user are literal
    expect(listJournal(db, { text: '100%', limit: 50, offset: 0 }).rows).toHaveLength(1);
    expect(listJournal(db, { text: '%', limit: 50, offset: 0 }).rows).toHaveLength(1);
    expect(byUser.users).toContain('secretaire');
    t.close();
  });
});
