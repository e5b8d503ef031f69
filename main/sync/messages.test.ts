/** Every real message of ../shared/reference/ is read (ISO-8859-1, CRLF, old messages without DocumentPapier). */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClassification } from '../conseil/index';
import {
  extractTarGzSync,
  parseActesMessage,
  parseHeliosChange,
  parseHeliosImport,
  parseHeliosStatus,
  parsePesAcquit,
  parsePesRetourList,
  parseXml,
} from './s2low/messages';
import { courrierItem } from './s2low/connector';
import { tarGz } from '../../e2e/fakes/s2low/tar';

const REF = path.resolve(process.cwd(), '..', 'shared', 'reference');
const actes = (f: string) => fs.readFileSync(path.join(REF, 'actes', 'samples', f));
const pes = (f: string) => fs.readFileSync(path.join(REF, 'pes', f));

describe('ACTES samples', () => {
  it('reads every sample without error', () => {
    for (const f of fs
      .readdirSync(path.join(REF, 'actes', 'samples'))
      .filter((f) => f !== 'classification-exemple.xml'))
      expect(() => parseActesMessage(actes(f)), f).not.toThrow();
  });
  it('ARActe from S²LOW (entity in the objet)', () => {
    expect(parseActesMessage(actes('aractes.xml'))).toEqual({
      type: 'ARActe',
      idActe: '034-491011698-20171207-CL20171227_06-DE',
      dateReception: '2017-12-27',
      numeroInterne: 'CL20171227_06',
    });
    expect(parseActesMessage(actes('999-1234----1-2_0.xml'))).toMatchObject({
      type: 'ARActe',
      dateReception: '2019-05-15',
      numeroInterne: '201905151546_MR',
    });
  });
  it('AnomalieActe (old message without DocumentPapier)', () => {
    expect(parseActesMessage(actes('999-1234----1-3_0.xml'))).toEqual({
      type: 'AnomalieActe',
      date: '2017-06-16',
      nature: '042',
      detail: 'Ca ne fonctionne pas',
      numeroInterne: 'TEST42',
    });
  });
  it('Acte with typed annexes and DocumentPapier', () => {
    const m = parseActesMessage(actes('999-1234----1-1_0.xml'));
    expect(m).toMatchObject({ type: 'Acte', numeroInterne: '201901010000', documentPapier: false });
    expect(m.type === 'Acte' && m.fichiers.length).toBe(5);
  });
  it('CourrierSimple in ISO-8859-1 with CRLF', () => {
    expect(parseActesMessage(actes('034-000000000-20170701-20170725A-AI-2-1_0.xml'))).toEqual({
      type: 'CourrierSimple',
      idActe: '034-000000000-20170701-20170725A-AI',
      date: '2017-07-25',
      texte: '',
      fichiers: ['034-000000000-20170701-20170725A-AI-2-1_1.pdf'],
    });
  });
  it('Annulation, ARAnnulation, ARPieceComplementaire, envelope', () => {
    expect(parseActesMessage(actes('999-1234----6-1_0.xml'))).toEqual({
      type: 'Annulation',
      idActe: '999-999100057-20190429-20190429_TEST1-AI',
    });
    expect(parseActesMessage(actes('ACTE-ar-annulation.xml'))).toEqual({
      type: 'ARAnnulation',
      idActe: '034-123456725-20230420-ACTE20230420-AI',
      dateReception: '2023-04-20',
    });
    expect(parseActesMessage(actes('999-1234----6-2_0.xml'))).toMatchObject({
      type: 'ARAnnulation',
      dateReception: '2019-07-09',
    });
    expect(parseActesMessage(actes('ARPieceComplementaire.xml'))).toEqual({
      type: 'ARPieceComplementaire',
      idActe: '034-491011698-20190828-201908281122-AI',
      dateReception: '2019-08-28',
    });
    expect(parseActesMessage(actes('EACT--214502494--20170717-6.xml')).type).toBe('EnveloppeCLMISILL');
  });
  it('classification (ISO-8859-1) through the conseil parser', () => {
    const c = parseClassification(actes('classification-exemple.xml'));
    expect(c.date).toBe('2019-03-01');
    expect(c.natures.find((n) => n.code === '2')?.libelle).toBe('Actes réglementaires');
  });
});

describe('HELIOS samples', () => {
  it('import answer, status OK / KO / -1 with a Latin-1 message', () => {
    expect(parseHeliosImport(pes('helios-post.xml'))).toEqual({
      ok: true,
      id: '1234',
      message: 'message complémentaire',
    });
    expect(parseHeliosStatus(pes('helios_status_ok.xml'))).toEqual({
      ok: true,
      id: '42',
      status: 8,
      message: 'Information disponible',
    });
    expect(parseHeliosStatus(pes('helios_status_ko.xml'))).toEqual({
      ok: false,
      id: '42',
      status: null,
      message: 'Marche pas',
    });
    expect(parseHeliosStatus(pes('helios-reponse.xml'))).toMatchObject({
      status: -1,
      message: "Ceci est un message d'erreur avec accent à é ç",
    });
  });
  it('PES_Retour list and mark-read answer', () => {
    expect(parsePesRetourList(pes('pes_retour_liste.xml')).items).toEqual([
      { id: '122', nom: 'PES_AAA.122.xml', date: '2019-05-21' },
      { id: '123', nom: 'PES_AAA.123.xml', date: '2019-05-21' },
    ]);
    expect(parseHeliosChange(pes('pes_retour_change.xml'))).toEqual({
      ok: true,
      id: '122',
      message: 'message complémentaire',
    });
  });
  it('PES_Acquit OK, KO with labels (also nested in DetailPiece/DetailLigne)', () => {
    const ok = parsePesAcquit(pes('ACQUIT_PESALR2_49101169800000_171227_2045.xml'));
    expect(ok.ok).toBe(true);
    expect(ok.elements[0]).toEqual({ domaine: '5', ok: true, reference: 'bordereau n° 1847 / 2015', erreurs: [] });
    const ko = parsePesAcquit(pes('006111_190130123456-ACK-A3020100_A0000SEN_KO.xml'));
    expect(ko.ok).toBe(false);
    expect(ko.elements[0]?.erreurs).toEqual([
      { code: 'ERREUR_DOUBLON_PJ', libelle: "1984 - L'identifiant unique de la PJ a déjà été intégré dans HELIOS" },
    ]);
    const nested = parsePesAcquit(pes('pes_acquit_no_ack.xml'));
    expect(nested.ok).toBe(false);
    expect(nested.elements[0]?.erreurs[0]?.libelle).toBe('1963 - Domiciliation erronée');
  });
  it('PES_Aller and PES_Retour files are readable XML', () => {
    expect(Object.keys(parseXml(pes('HELIOS_SIMU_ALR2_1496987735_826268894.xml')))).toContain('PES_Aller');
    expect(Object.keys(parseXml(pes('HELIOS_SIMU_RETOUR_1565181244_184723364.xml'))).join()).toMatch(/PES/);
  });
});

/** Shapes of actesv1_1.xsd that the reference has no sample of, written by hand from the schema. */
describe('ACTES shapes from the XSD (no sample in ../shared/reference)', () => {
  const NS = 'xmlns:actes="http://www.interieur.gouv.fr/ACTES#v1.1-20040216" xmlns:insee="http://xml.insee.fr/schema"';
  const ID = '045-214502494-20260115-2026_004-DE';
  it('PieceComplementaire (Documents/Document) and RefusPieceComplementaire (Document)', () => {
    expect(
      parseActesMessage(
        `<?xml version="1.0" encoding="ISO-8859-1"?><actes:PieceComplementaire ${NS} actes:IDActe="${ID}" actes:DateCourrierPref="2026-02-01"><actes:Documents><actes:Document><actes:NomFichier>p1.pdf</actes:NomFichier></actes:Document><actes:Document><actes:NomFichier>p2.pdf</actes:NomFichier></actes:Document></actes:Documents></actes:PieceComplementaire>`,
      ),
    ).toEqual({
      type: 'PieceComplementaire',
      idActe: ID,
      date: '2026-02-01',
      fichiers: ['p1.pdf', 'p2.pdf'],
    });
    expect(
      parseActesMessage(
        `<actes:RefusPieceComplementaire ${NS} actes:IDActe="${ID}" actes:DateCourrierPref="2026-02-01"><actes:Document><actes:NomFichier>refus.pdf</actes:NomFichier></actes:Document></actes:RefusPieceComplementaire>`,
      ),
    ).toEqual({
      type: 'RefusPieceComplementaire',
      idActe: ID,
      date: '2026-02-01',
      fichiers: ['refus.pdf'],
    });
  });
  it('AnomalieEnveloppe: Date, Nature, the whole Detail (Latin-1, entities)', () => {
    const detail = 'Enveloppe non conforme : le fichier « 045-…_1.pdf » & sa signature <XAdES> manquent';
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><actes:AnomalieEnveloppe ${NS}><actes:Date>2026-11-23</actes:Date><actes:Nature>003</actes:Nature><actes:Detail>${detail.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace('…', '&#x2026;')}</actes:Detail><actes:EnveloppeRecue/></actes:AnomalieEnveloppe>`;
    expect(parseActesMessage(Buffer.from(xml, 'latin1'))).toEqual({
      type: 'AnomalieEnveloppe',
      date: '2026-11-23',
      nature: '003',
      detail,
    });
  });
  it('an unknown root is « Inconnu » (named), not an error', () => {
    expect(parseActesMessage(`<actes:ReponseFutur2030 ${NS}/>`)).toEqual({
      type: 'Inconnu',
      racine: 'ReponseFutur2030',
    });
  });
});

describe('a listed message, stored whatever it is (connector courrierItem)', () => {
  const listed = {
    id: '42',
    type: '2',
    related_transaction_id: '7',
    number: '2026_004',
    unique_id: '045-214502494-20260115-2026_004-DE',
    last_status_id: '21',
  };
  it('an unreadable archive is kept raw, whole', () => {
    const junk = Buffer.from('ceci n’est pas une archive');
    expect(courrierItem('actes:42', listed, junk)).toMatchObject({
      kind: 'inconnu',
      title: 'Message non reconnu de la plateforme — acte 2026_004',
      documents: [{ nom: 'message-42.tar.gz', bytes: junk }],
    });
  });
  it('an archive without a message keeps all its files', () => {
    const item = courrierItem('actes:42', listed, tarGz([{ name: 'lettre.pdf', bytes: Buffer.from('%PDF-1.4') }]));
    expect(item.kind).toBe('inconnu');
    expect(item.documents.map((d) => d.nom)).toEqual(['lettre.pdf']);
    expect(item.detail).toMatch(/pas de message/);
  });
  it('the tar reader reads what the fake writes, and refuses a truncated one', () => {
    const gz = tarGz([
      { name: 'a.xml', bytes: Buffer.from('<a/>') },
      { name: 'b.pdf', bytes: Buffer.alloc(1500, 1) },
    ]);
    expect(extractTarGzSync(gz).map((f) => [f.name, f.bytes.length])).toEqual([
      ['a.xml', 4],
      ['b.pdf', 1500],
    ]);
    expect(() => extractTarGzSync(zlib.gzipSync(zlib.gunzipSync(gz).subarray(0, 1200)))).toThrow(/tronquée/);
  });
  it('the tar reader inflates no more than its cap (a gzip bomb is refused, not read)', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024));
    expect(() => extractTarGzSync(bomb, 1024 * 1024)).toThrow(/buffer length|Cannot create a Buffer|output length/i);
  });
});
