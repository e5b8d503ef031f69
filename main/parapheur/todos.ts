import { readSetting } from '../commune';
import type { Db } from '../db';
import { expiryWarning } from '../signing';

/**
 * « À faire »: signing certificates seen in a séance de signature that expire within 60 days (they lapse
 * after municipal elections and take weeks to renew). Rewritten with the dashboard, like the conseil's.
 */
export function refreshSigningTodos(db: Db, _today: string, now: Date): void {
  const seen = readSetting<Record<string, { holder: string; notAfter: string }>>(db, 'certificats_vus') ?? {};
  db.transaction(() => {
    db.prepare("DELETE FROM todo WHERE object_type = 'signing.certificat'").run();
    const ins = db.prepare(
      "INSERT INTO todo (created_at, due_date, title, legal_ref, object_type, object_id) VALUES (?, ?, ?, NULL, 'signing.certificat', ?)",
    );
    for (const [sha256, cert] of Object.entries(seen)) {
      const warning = expiryWarning(cert, now);
      if (warning) ins.run(now.toISOString(), cert.notAfter.slice(0, 10), warning, sha256);
    }
  })();
}
