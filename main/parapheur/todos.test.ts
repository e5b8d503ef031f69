import { writeSetting } from '../commune';
import { withCommune } from '../../test-support/helpers';

describe('certificate expiry on the dashboard', () => {
  it('a signing certificate expiring within 60 days is in « À faire », with its date', async () => {
    const t = await withCommune();
    const { db } = t.core.communes.get(t.communeId);
    writeSetting(db, 'certificats_vus', {
      a: { holder: 'Hélène Lefèvre', notAfter: '2026-12-20T00:00:00.000Z' },
      b: { holder: 'Noël Chevalier', notAfter: '2028-01-01T00:00:00.000Z' },
    });
    const dash = await t.client.call('dashboard.get');
    const todos = dash.ok ? dash.value.todos : [];
    const cert = todos.filter((x) => x.object_type === 'signing.certificat');
    expect(cert).toHaveLength(1);
    expect(cert[0]).toMatchObject({
      due_date: '2026-12-20',
      title: expect.stringMatching(/Hélène Lefèvre expire le 20\/12\/2026 \(dans 27 jours\)/),
    });
    t.close();
  });
});
