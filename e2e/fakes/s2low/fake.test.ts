/** The fake S²LOW itself: strict transport, strict validation, XSD-valid ACTES messages, Latin-1 answers. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S2lowHttp, type FormPart } from '../../../main/sync/s2low/http';
import { startFakeS2low, type FakeS2low } from './index';
import { tinyPdf } from './tar';
import {
  acteXml,
  arActeXml,
  anomalieActeXml,
  annulationXml,
  arAnnulationXml,
  courrierXml,
  arReponseXml,
  type ActeFields,
} from './xml';

const XSD = path.resolve(process.cwd(), '..', 'shared', 'reference', 'actes', 'schemas', 'actesv1_1.xsd');
let fake: FakeS2low;
let http: S2lowHttp;

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasXmllint) console.warn('[skip] xmllint absent (Debian libxml2-utils): the XSD checks of the fake are skipped');

function xsdValid(xml: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xsd-')), 'm.xml');
  fs.writeFileSync(f, Buffer.from(xml, 'latin1'));
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, f], { stdio: 'pipe' });
    return 'valid';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr);
  }
}

const fields = (over: Record<string, string> = {}): FormPart[] => {
  const base: Record<string, string> = {
    nature_code: '1',
    classif1: '7',
    classif2: '1',
    number: 'X2026_001',
    decision_date: '2026-01-15',
    subject: 'Tarifs de la cantine — année scolaire',
    document_papier: '0',
    type_acte: '99_DE',
    ...over,
  };
  return Object.entries(base).map(([name, value]) => ({ name, value }));
};
const post = async (parts: FormPart[]) =>
  (await http.call('POST', '/modules/actes/actes_transac_create.php', {}, parts)).body.toString('latin1');

beforeAll(async () => {
  fake = await startFakeS2low({ advance: 'manual' });
  http = new S2lowHttp({
    url: fake.url,
    identity: { kind: 'pkcs12', pfx: fake.clientP12, passphrase: fake.p12Password },
    login: fake.login,
    password: fake.password,
    ca: fake.caPem,
    timeoutMs: 3000,
  });
});
afterAll(async () => {
  http.close();
  await fake.close();
});

describe.skipIf(!hasXmllint)('ACTES messages built by the fake validate against actesv1_1.xsd', () => {
  const a: ActeFields = {
    nature: 1,
    classif: ['7', '1'],
    number: '2026_004',
    decisionDate: '2026-01-15',
    subject: 'Tarifs « été » — cantine & garderie',
    documentPapier: false,
    typeActe: '99_DE',
    typePj: ['22_AG'],
    mainExt: 'pdf',
    annexExts: ['pdf'],
  };
  const id = '045-214502494-20260115-2026_004-DE';
  for (const [name, xml] of Object.entries({
    Acte: acteXml(a, id, '2019-03-01'),
    ARActe: arActeXml(a, id, '2019-03-01', '2026-01-16'),
    AnomalieActe: anomalieActeXml(a, id, '2019-03-01', '2026-01-16', 'Pièce illisible'),
    Annulation: annulationXml(id),
    ARAnnulation: arAnnulationXml(id, '2026-02-01'),
    CourrierSimple: courrierXml('CourrierSimple', id, '2026-02-01', '', 'c.pdf'),
    DemandePieceComplementaire: courrierXml(
      'DemandePieceComplementaire',
      id,
      '2026-02-01',
      'Le plan de financement',
      'c.pdf',
    ),
    LettreObservations: courrierXml('LettreObservations', id, '2026-02-01', 'Incompétence', 'c.pdf'),
    DefereTA: courrierXml('DefereTA', id, '2026-02-01', 'Illégalité externe', 'c.pdf'),
    ARPieceComplementaire: arReponseXml('ARPieceComplementaire', id, '2026-02-02'),
  }))
    it(name, () => expect(xsdValid(xml)).toBe('valid'));

  it('the message of a posted act (built from the multipart fields)', async () => {
    expect(
      await post([
        ...fields({ number: 'XSD_1' }),
        { name: 'acte_pdf_file', filename: 'a.pdf', bytes: tinyPdf('acte') },
      ]),
    ).toMatch(/^OK\n\d+\n$/);
    const t = fake.state.findActe('XSD_1');
    expect(t?.acteXml).toContain('Tarifs de la cantine - année scolaire'); // Latin-1 fold of the dash, é kept
    expect(xsdValid(t?.acteXml ?? '')).toBe('valid');
  });
});

describe('strict like S²LOW', () => {
  const pdf = { name: 'acte_pdf_file', filename: 'a.pdf', bytes: tinyPdf('acte') };
  const cases: [string, FormPart[], RegExp][] = [
    ['numéro interne', [...fields({ number: '_BAD' }), pdf], /numéro interne .* est incorrect/],
    ['classification levels', [...fields({ classif2: '' }), pdf], /deux premiers niveaux/],
    ['unknown classification', [...fields({ classif1: '99' }), pdf], /n'existe pas/],
    ['future date', [...fields({ decision_date: '2999-01-01' }), pdf], /futur/],
    ['objet length', [...fields({ subject: 'x'.repeat(500) }), pdf], /trop long/],
    ['typologie missing', [...fields({ type_acte: '' }), pdf], /typologie de l'acte est absente/],
    ['typologie of another nature', [...fields({ type_acte: '99_AI' }), pdf], /n'est pas autorisée/],
    [
      'main file type',
      [...fields(), { name: 'acte_pdf_file', filename: 'a.txt', bytes: Buffer.from('hello') }],
      /format PDF/,
    ],
    [
      'annex without typologie',
      [...fields(), pdf, { name: 'acte_attachments[]', filename: 'b.pdf', bytes: tinyPdf('b') }],
      /typologie pour chaque annexe/,
    ],
  ];
  for (const [name, parts, re] of cases) it(`KO: ${name}`, async () => expect(await post(parts)).toMatch(re));

  it('unique numéro interne, api=1 required, 150 MiB limit', async () => {
    expect(await post([...fields({ number: 'UNIQ_1' }), pdf])).toMatch(/^OK/);
    expect(await post([...fields({ number: 'UNIQ_1' }), pdf])).toMatch(/^KO\nUn acte portant le même numéro interne/);
    const small = await startFakeS2low({ maxArchiveBytes: 1000, pki: fake });
    const h2 = new S2lowHttp({ ...http.cfg, url: small.url });
    const big = (
      await h2.call('POST', '/modules/actes/actes_transac_create.php', {}, [
        ...fields(),
        { name: 'acte_pdf_file', filename: 'a.pdf', bytes: Buffer.concat([tinyPdf('x'), Buffer.alloc(2000)]) },
      ])
    ).body.toString('latin1');
    expect(big).toMatch(/^KO\nLa taille totale des fichiers est trop importante/);
    h2.close();
    await small.close();
  });

  it('status machine 1→2→3→4 with an ARActe built from the posted act', async () => {
    const id = (await post([...fields({ number: 'SM_1' }), pdf])).split('\n')[1] as string;
    const st = async () =>
      (await http.call('GET', '/modules/actes/actes_transac_get_status.php', { transaction: id })).body.toString(
        'latin1',
      );
    expect(await st()).toMatch(/^OK\n1\n/);
    fake.advance();
    expect(await st()).toMatch(/^OK\n2\n/);
    fake.advance();
    fake.advance();
    const s4 = await st();
    expect(s4).toMatch(/^OK\n4\n<\?xml/);
    if (hasXmllint) expect(xsdValid(s4.split('\n').slice(2).join('\n'))).toBe('valid'); // else: reported skipped above
  });

  it('answers in ISO-8859-1', async () => {
    const raw = (
      await http.call('POST', '/modules/actes/actes_transac_create.php', {}, [
        ...fields({ decision_date: '2999-01-01' }),
        pdf,
      ])
    ).body;
    expect(raw.includes(Buffer.from('décision', 'latin1'))).toBe(true);
    expect(raw.includes(Buffer.from('décision', 'utf8'))).toBe(false);
  });

  it('refuses at TLS level without a client certificate, and 401 without Basic auth', async () => {
    const https = await import('node:https');
    const noCert = await new Promise<string>((resolve) => {
      const r = https.request(`${fake.url}/api/test-connexion.php`, { ca: fake.caPem }, () => resolve('answered'));
      r.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      r.end();
    });
    expect(noCert).not.toBe('answered');
    const noAuth = new S2lowHttp({ ...http.cfg, login: null });
    await expect(noAuth.call('GET', '/api/test-connexion.php')).rejects.toMatchObject({ failure: 'auth' });
    noAuth.close();
  });
});
