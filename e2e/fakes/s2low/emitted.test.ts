/**
 * Every message the fake emits is valid: ACTES messages and envelopes against actesv1_1.xsd (xmllint), the
 * HELIOS answers and PES_ACQUIT well-formed whatever the reason text; and its command line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTarGzSync, parsePesAcquit, parseXml } from '../../../main/sync/s2low/messages';
import { parisInstant, parseCliOptions, runCommand } from './cli-options';
import { startFakeS2low } from './index';
import { acquitXml } from './helios-routes';
import { courrierTarGz, messageTarGz } from './tar';
import { anomalieEnveloppeXml, enveloppeMisillclXml, reponsePieceXml } from './xml';

const XSD = path.resolve(process.cwd(), '..', 'shared', 'reference', 'actes', 'schemas', 'actesv1_1.xsd');
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
const NO_XMLLINT = 'xmllint absent (Debian libxml2-utils): XSD and well-formedness checks skipped';
if (!hasXmllint) console.warn(`[skip] ${NO_XMLLINT}`);

/** 'valid', or xmllint's complaint. `schema` false: well-formedness only. */
function lint(bytes: Buffer, schema = true): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emitted-')), 'm.xml');
  fs.writeFileSync(f, bytes);
  try {
    execFileSync('xmllint', ['--noout', ...(schema ? ['--schema', XSD] : []), f], { stdio: 'pipe' });
    return 'valid';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr);
  }
}

const ID = '045-214502494-20260115-2026_004-DE';
const NASTY = 'Motif « été » & <balise> "guillemets" \'apostrophe\' — € ★ 漢字 😀 \u0001 fin';

describe.skipIf(!hasXmllint)('ACTES envelopes and replies validate against actesv1_1.xsd', () => {
  it('the EnveloppeMISILLCL of a served courrier (Emetteur = préfecture, Destinataire = SIREN)', () => {
    const files = extractTarGzSync(
      courrierTarGz('DemandePieceComplementaire', ID, '2026-02-01', NASTY, '214502494', 77, '045'),
    );
    const env = files.find((f) => f.name.startsWith('TACT--SPREF0011-214502494-20260201-77'));
    expect(env && lint(env.bytes)).toBe('valid');
    const msg = files.find((f) => f.name.endsWith('-3-1_0.xml'));
    expect(msg && lint(msg.bytes)).toBe('valid');
    expect(parseXml(env?.bytes ?? Buffer.alloc(0)).EnveloppeMISILLCL).toMatchObject({
      Destinataire: { '@SIREN': '214502494' },
    });
  });
  it('an envelope for another département and a raw message', () => {
    expect(lint(Buffer.from(enveloppeMisillclXml('02A', '200000001', ['a_0.xml', 'b_0.xml']), 'latin1'))).toBe('valid');
    const files = extractTarGzSync(
      messageTarGz({
        siren: '200000001',
        departement: '971',
        date: '2026-11-23',
        envelopeId: 3,
        message: { name: 'x_0.xml', xml: '<x/>' },
        files: [],
      }),
    );
    expect(lint(files[0]?.bytes ?? Buffer.alloc(0))).toBe('valid');
  });
  it('AnomalieEnveloppe, with any detail text', () => {
    const x = anomalieEnveloppeXml({
      date: '2026-11-23',
      nature: '003',
      detail: NASTY,
      siren: '214502494',
      departement: '045',
      acteFile: `${ID}-1-1_0.xml`,
    });
    expect(lint(Buffer.from(x, 'latin1'))).toBe('valid');
  });
  it('PieceComplementaire and RefusPieceComplementaire', () => {
    expect(
      lint(Buffer.from(reponsePieceXml('PieceComplementaire', ID, '2026-02-01', ['p1.pdf', 'p2.pdf']), 'latin1')),
    ).toBe('valid');
    expect(
      lint(Buffer.from(reponsePieceXml('RefusPieceComplementaire', ID, '2026-02-01', ['refus.pdf']), 'latin1')),
    ).toBe('valid');
  });
});

describe('PES_ACQUIT stays well-formed and readable with any reason text', () => {
  const acquit = (refuse: string, nomFic = 'PES_1') =>
    Buffer.from(
      acquitXml({ id: 1, status: 6, nomFic, sha1: '', bytes: Buffer.alloc(0), acquit: null, refuse }, '2026-11-23'),
      'latin1',
    );
  it.skipIf(!hasXmllint)('xmllint accepts it', () => {
    expect(lint(acquit(NASTY, 'PES_"&<1>'), false)).toBe('valid');
  });
  it('our reader gets the reason back (Latin-1 kept, the rest as references, controls replaced)', () => {
    const r = parsePesAcquit(acquit(NASTY));
    expect(r.ok).toBe(false);
    expect(r.elements[0]?.erreurs[0]?.libelle).toBe(NASTY.replace('\u0001', '\ufffd'));
  });
});

describe('command line: the commune SIREN and a clock', () => {
  it('takes --siren, --departement, --clock (Paris time, then running)', () => {
    let now = Date.UTC(2026, 10, 30, 5, 0);
    const o = parseCliOptions(
      ['--siren=200000001', '--departement=02A', '--clock=2026-11-23T23:30', '--nom=Commune d’Ajaccio'],
      () => now,
    );
    if (typeof o === 'string') throw new Error(o);
    expect(o.options).toMatchObject({ siren: '200000001', departement: '02A', authorityName: 'Commune d’Ajaccio' });
    expect(o.options.today?.()).toBe('2026-11-23');
    now += 45 * 60_000; // the evening goes on past midnight in Paris
    expect(o.options.today?.()).toBe('2026-11-24');
    expect(new Date(parisInstant('2026-07-01T12:00') ?? 0).toISOString()).toBe('2026-07-01T10:00:00.000Z'); // summer time
  });
  it('refuses bad values with a French message', () => {
    expect(parseCliOptions(['--siren=12345'], Date.now)).toMatch(/SIREN de la commune compte 9 chiffres/);
    expect(parseCliOptions(['--departement=45'], Date.now)).toMatch(/3 caractères/);
    expect(parseCliOptions(['--clock=23/11/2026'], Date.now)).toMatch(/2026-11-23T18:00/);
    expect(parseCliOptions(['--clock=2026-02-30'], Date.now)).toMatch(/écrivez la date/);
    expect(parseCliOptions(['--fail=2'], Date.now)).toMatch(/entre 0 et 1/);
  });
});

describe('command line: the préfecture’s side, typed line by line', () => {
  it('deposits a courrier on a known act, a PES_Retour; explains a mistake', async () => {
    const fake = await startFakeS2low({ siren: '200000001', departement: '018', today: () => '2026-11-23' });
    try {
      const acte = fake.state.newTx({
        type: 1,
        status: 4,
        number: 'CLI_1',
        uniqueId: '018-200000001-20261120-CLI_1-DE',
        nature: 1,
      });
      expect(runCommand(fake, 'courrier CLI_1 LettreObservations Incompétence du signataire')).toMatch(
        /^LettreObservations n° \d+ déposé pour l'acte CLI_1$/,
      );
      const c = [...fake.state.txs.values()].find((t) => t.relatedId === acte.id);
      expect(c?.courrier?.kind).toBe('LettreObservations');
      expect(extractTarGzSync(c?.courrier?.tarGz ?? Buffer.alloc(0))[0]?.name).toMatch(
        /^TACT--SPREF0011-200000001-20261123-/,
      );
      expect(runCommand(fake, 'pes-retour PES_R_1.xml')).toMatch(/^PES_Retour n° \d+ déposé \(PES_R_1.xml\)$/);
      expect(runCommand(fake, 'courrier INCONNU_9 CourrierSimple')).toMatch(/^impossible : acte INCONNU_9 inconnu/);
      expect(runCommand(fake, 'courrier CLI_1 Mauvais')).toMatch(/^usage/);
      expect(runCommand(fake, 'bonjour')).toMatch(/^commandes/);
    } finally {
      await fake.close();
    }
  });
});
