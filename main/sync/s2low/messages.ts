/**
 * Parsers of what S²LOW returns: ACTES messages (s2low-protocol.md §2.2 message types; ARActe §2.4,
 * AnomalieActe, ARAnnulation §2.7, courriers §2.8), HELIOS XML answers and PES_Acquit (§3), courrier
 * tarballs. Tolerant as a reader must be: ISO-8859-1 or UTF-8, CRLF, old messages without DocumentPapier.
 */
import zlib from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { DEFAULT_LIMITS } from './http';

type Node = Record<string, unknown>;
const arr = <T>(x: T | T[] | undefined | null): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);
const str = (x: unknown): string =>
  (x == null ? '' : typeof x === 'object' ? String((x as Node)['#text'] ?? '') : String(x)).trim();

/** Decode in the declared encoding (ISO-8859-1 in practice); UTF-8 when nothing is declared. */
export function decodeXml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const enc = /encoding=["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  return new TextDecoder(/8859-1|latin-?1/.test(enc) ? 'latin1' : 'utf-8').decode(bytes);
}

// made at the first message, not at load: fast-xml-parser loads when first used (scripts/lazy-vendor.mjs)
let parser: XMLParser | undefined;
const xmlParser = () =>
  (parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
  }));
export const parseXml = (bytes: Uint8Array | string): Node =>
  xmlParser().parse(typeof bytes === 'string' ? bytes : decodeXml(bytes)) as Node;

export type CourrierType = 'CourrierSimple' | 'DemandePieceComplementaire' | 'LettreObservations' | 'DefereTA';
export type ActesMessage =
  | { type: 'ARActe'; idActe: string; dateReception: string; numeroInterne: string }
  | { type: 'AnomalieActe'; date: string; nature: string; detail: string; numeroInterne: string }
  | { type: 'ARAnnulation'; idActe: string; dateReception: string }
  | { type: 'Annulation'; idActe: string }
  | {
      type: 'Acte';
      numeroInterne: string;
      date: string;
      nature: string;
      objet: string;
      documentPapier: boolean | null;
      fichiers: string[];
    }
  | { type: CourrierType; idActe: string; date: string; texte: string; fichiers: string[] }
  | { type: 'ARPieceComplementaire' | 'ARReponseRejetLettreObservations'; idActe: string; dateReception: string }
  /** the collectivité's replies to a DPC (actesv1_1.xsd: DonneesCourrierPref + Documents / Document; §2.8 3-4, 3-3) */
  | { type: 'PieceComplementaire' | 'RefusPieceComplementaire'; idActe: string; date: string; fichiers: string[] }
  /** whole-envelope rejection (actesv1_1.xsd AnomalieEnveloppe: Date, Nature 001…100, Detail, EnveloppeRecue) */
  | { type: 'AnomalieEnveloppe'; date: string; nature: string; detail: string }
  | { type: 'EnveloppeCLMISILL' | 'EnveloppeMISILLCL' | 'RetourClassification'; raw: Node }
  /** a root this reader does not know (a newer ACTES message, another platform's extra): kept raw by the caller */
  | { type: 'Inconnu'; racine: string };

const KNOWN = [
  'ARActe',
  'AnomalieActe',
  'ARAnnulation',
  'Annulation',
  'Acte',
  'CourrierSimple',
  'DemandePieceComplementaire',
  'LettreObservations',
  'DefereTA',
  'ARPieceComplementaire',
  'ARReponseRejetLettreObservations',
  'PieceComplementaire',
  'RefusPieceComplementaire',
  'EnveloppeCLMISILL',
  'EnveloppeMISILLCL',
  'RetourClassification',
  'AnomalieEnveloppe',
] as const;

const nomsFichiers = (n: Node | undefined): string[] =>
  n
    ? [
        ...arr<Node>(n.Document as Node),
        ...arr<Node>((n.Documents as Node | undefined)?.Document as Node),
        ...arr((n.Annexes as Node | undefined)?.Annexe as Node),
        ...arr((n.PiecesJointes as Node | undefined)?.PieceJointe as Node),
      ]
        .map((d) => str((d as Node).NomFichier))
        .filter(Boolean)
    : [];

/** A malformed XML throws (the caller keeps the file raw); a well-formed one of an unknown root is `Inconnu`. */
export function parseActesMessage(bytes: Uint8Array | string): ActesMessage {
  const doc = parseXml(bytes);
  const type = KNOWN.find((k) => doc[k] !== undefined);
  if (!type)
    return {
      type: 'Inconnu',
      racine:
        Object.keys(doc)
          .filter((k) => k !== '?xml' && !k.startsWith('#'))
          .join(', ') || '(vide)',
    };
  const n = (doc[type] ?? {}) as Node;
  const a = (k: string) => str(n[`@${k}`]);
  switch (type) {
    case 'ARActe':
      return {
        type,
        idActe: a('IDActe'),
        dateReception: a('DateReception'),
        numeroInterne: str((n.ActeRecu as Node | undefined)?.['@NumeroInterne']),
      };
    case 'AnomalieActe':
      return {
        type,
        date: str(n.Date),
        nature: str(n.Nature),
        detail: str(n.Detail),
        numeroInterne: str((n.ActeRecu as Node | undefined)?.['@NumeroInterne']),
      };
    case 'ARAnnulation':
      return { type, idActe: a('IDActe'), dateReception: a('DateReception') };
    case 'Annulation':
      return { type, idActe: a('IDActe') };
    case 'Acte': {
      const papier = n.DocumentPapier === undefined ? null : str(n.DocumentPapier) === 'O';
      return {
        type,
        numeroInterne: a('NumeroInterne'),
        date: a('Date'),
        nature: a('CodeNatureActe'),
        objet: str(n.Objet),
        documentPapier: papier,
        fichiers: nomsFichiers(n),
      };
    }
    case 'CourrierSimple':
    case 'DemandePieceComplementaire':
    case 'LettreObservations':
    case 'DefereTA': {
      const texte = str(n.DescriptionPieces ?? n.Motif ?? n.NatureIllegalite ?? '');
      return {
        type,
        idActe: a('IDActe'),
        date: a('DateCourrierPref') || str(n.DateDepot),
        texte,
        fichiers: nomsFichiers(n),
      };
    }
    case 'ARPieceComplementaire':
    case 'ARReponseRejetLettreObservations': {
      const infos = (n.InfosCourrierPref ?? {}) as Node;
      return { type, idActe: str(infos['@IDActe']), dateReception: a('DateReception') };
    }
    case 'PieceComplementaire':
    case 'RefusPieceComplementaire':
      return { type, idActe: a('IDActe'), date: a('DateCourrierPref'), fichiers: nomsFichiers(n) };
    case 'AnomalieEnveloppe':
      return { type, date: str(n.Date), nature: str(n.Nature), detail: str(n.Detail) };
    default:
      return { type, raw: n };
  }
}

// ——— HELIOS (§3) ———

export const parseHeliosImport = (b: Uint8Array) => {
  const n = (parseXml(b).import ?? {}) as Node;
  return { ok: str(n.resultat) === 'OK', id: str(n.id), message: str(n.message) };
};

export const parseHeliosStatus = (b: Uint8Array) => {
  const n = (parseXml(b).transaction ?? {}) as Node;
  return {
    ok: str(n.resultat) === 'OK',
    id: str(n.id),
    status: n.status === undefined ? null : Number(str(n.status)),
    message: str(n.message),
  };
};

export const parsePesRetourList = (b: Uint8Array) => {
  const n = (parseXml(b).liste ?? {}) as Node;
  return {
    ok: str(n.resultat) === 'OK',
    message: str(n.message),
    items: arr<Node>(n.pes_retour as Node).map((p) => ({ id: str(p.id), nom: str(p.nom), date: str(p.date) })),
  };
};

export const parseHeliosChange = (b: Uint8Array) => {
  const n = (parseXml(b).change ?? {}) as Node;
  return { ok: str(n.resultat) === 'OK', id: str(n.id), message: str(n.message) };
};

export interface AcquitElement {
  domaine: string;
  ok: boolean;
  reference: string; // bordereau « n° 1847 / 2015 » or IdUnique
  erreurs: { code: string; libelle: string }[];
}

/** PES_ACQUIT (ns …/Rev0/retour/v2): EtatAck 1 = OK, 0 = KO with Erreur(NumAnoAck, LibelleAnoAck), also nested in DetailPiece/DetailLigne. */
export function parsePesAcquit(b: Uint8Array): { nomFic: string; ok: boolean; elements: AcquitElement[] } {
  const root = (parseXml(b).PES_ACQUIT ?? {}) as Node;
  const v = (x: unknown) => str((x as Node | undefined)?.['@V']);
  const errorsIn = (x: unknown): { code: string; libelle: string }[] => {
    const out: { code: string; libelle: string }[] = [];
    for (const node of arr<Node>(x as Node)) {
      for (const e of arr<Node>(node.Erreur as Node)) out.push({ code: v(e.NumAnoAck), libelle: v(e.LibelleAnoAck) });
      out.push(...errorsIn(node.DetailPiece), ...errorsIn(node.DetailLigne));
    }
    return out;
  };
  const elements = arr<Node>(((root.ACQUIT ?? {}) as Node).ElementACQUIT as Node).map((e) => ({
    domaine: v(e.DomaineAck),
    ok: v(e.EtatAck) === '1',
    reference: e.NumBord ? `bordereau n° ${v(e.NumBord)} / ${v(e.ExerciceBord)}` : v(e.IdUnique),
    erreurs: errorsIn(e),
  }));
  const nomFic = v(
    ((root.Enveloppe ?? {}) as Node).Parametres ? ((root.Enveloppe as Node).Parametres as Node).NomFic : undefined,
  );
  return { nomFic, ok: elements.every((e) => e.ok), elements };
}

/**
 * The files of a courrier .tar.gz (§2.8), read synchronously: ustar headers (name 0–100, size octal at 124,
 * type flag at 156, prefix at 345). Throws on anything that is not a gzip'd tar, so the caller keeps it raw.
 */
export function extractTarGzSync(gz: Buffer, maxUnpacked = DEFAULT_LIMITS.unpacked): { name: string; bytes: Buffer }[] {
  // The client already refused an archive that inflates past the cap (off-thread); the same cap here keeps
  // this reader safe when it is given bytes from anywhere else.
  const tar = zlib.gunzipSync(gz, { maxOutputLength: maxUnpacked });
  const out: { name: string; bytes: Buffer }[] = [];
  const field = (h: Buffer, from: number, len: number) =>
    h
      .subarray(from, from + len)
      .toString('latin1')
      .replace(/\0.*$/s, '');
  for (let at = 0; at < tar.length;) {
    const h = tar.subarray(at, at + 512);
    if (h.length < 512) {
      if (h.some((b) => b !== 0)) throw new Error('archive tar tronquée');
      break;
    }
    if (h.every((b) => b === 0)) break;
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > tar.length) throw new Error('archive tar tronquée');
    const prefix = field(h, 257, 6).startsWith('ustar') ? field(h, 345, 155) : '';
    const name = (prefix ? `${prefix}/` : '') + field(h, 0, 100);
    const type = field(h, 156, 1);
    if (type === '0' || type === '') out.push({ name, bytes: Buffer.from(tar.subarray(at + 512, at + 512 + size)) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  if (out.length === 0) throw new Error('archive tar vide');
  return out;
}
