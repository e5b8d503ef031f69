import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../outbox';
import type { S2lowClient } from './client';
import { pushS2low } from './push';

const REF = path.resolve(process.cwd(), '..', 'shared', 'reference');
const acquit = fs.readFileSync(path.join(REF, 'pes', 'ACQUIT_PESALR2_49101169800000_171227_2045.xml'));

/**
 * A HELIOS acquittement (s2low-protocol.md §3) is dated with the engine's « today », the Paris day of the core's
 * injected clock, never with the machine's clock: at 23:30 UTC in winter it is already the next day in Paris.
 */
describe('HELIOS acquittement date', () => {
  it.each(['2026-12-01', '2027-07-15'])('is the day the engine gives (%s)', async (today) => {
    const client = {
      heliosStatus: async () => ({ ok: true, status: 4, message: '' }),
      heliosAcquit: async () => acquit,
    } as unknown as S2lowClient;
    const item = {
      id: 1,
      kind: 'helios',
      state: 'envoye',
      remote_id: '42',
      payload: JSON.stringify({ sha256: 'x', nom: 'PES.xml' }),
    } as OutboxRow;
    const io = {
      read: () => Buffer.alloc(0),
      remoteIdOf: () => null,
      beforePost: () => undefined,
      today,
      now: () => new Date(`${today}T12:00:00Z`),
    };
    const step = await pushS2low(client, item, io);
    expect(step).toMatchObject({ state: 'recu', result: { date: today } });
  });
});
