/**
 * ACTES messages the fake builds from the posted fields, the way S²LOW does (protocol §2.1 « What S²LOW
 * builds », §2.2 naming, §2.4 AR, §2.7 annulation, §2.8 courriers). ISO-8859-1, namespace ACTES v1.1;
 * each one validates against ../shared/reference/actes/schemas/actesv1_1.xsd (tested with xmllint).
 */
export const NS = 'http://www.interieur.gouv.fr/ACTES#v1.1-20040216';
const HEAD = `<?xml version="1.0" encoding="ISO-8859-1"?>\n`;
const NSDECL = `xmlns:actes="${NS}" xmlns:insee="http://xml.insee.fr/schema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;
export const NATURE_ABREGE: Record<number, string> = { 1: 'DE', 2: 'AR', 3: 'AI', 4: 'CC', 5: 'BF', 6: 'AU' };

/**
 * Escape for XML text or attribute written in ISO-8859-1: & < > " ' escaped; characters outside Latin-1
 * become numeric references; what XML 1.0 forbids even as a reference (C0 controls but tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF, XML 1.0 §2.2 Char) becomes U+FFFD, so any reason text stays well-formed.
 */
export const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(
      // eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    )
    .replace(/[^\t\n\r\u0020-\u00ff]/gu, (c) => `&#x${(c.codePointAt(0) ?? 0xfffd).toString(16)};`);

export interface ActeFields {
  nature: number;
  classif: string[]; // ['7', '1']
  number: string;
  decisionDate: string; // YYYY-MM-DD
  subject: string;
  documentPapier: boolean;
  typeActe: string;
  typePj: string[];
  mainExt: string;
  annexExts: string[];
}

/** IDActe `DDD-SIREN-YYYYMMDD-NUMERO-NN` (§2.2). */
export const idActe = (dept: string, siren: string, a: Pick<ActeFields, 'decisionDate' | 'number' | 'nature'>) =>
  `${dept}-${siren}-${a.decisionDate.replace(/-/g, '')}-${a.number}-${NATURE_ABREGE[a.nature]}`;

/** `<typologie>-<IDActe>-<type>-<sous-type>_<n>.<ext>` (§2.2). */
export const fileName = (typo: string | null, id: string, msg: string, n: number, ext: string) =>
  `${typo ? `${typo}-` : ''}${id}-${msg}_${n}.${ext}`;

function donneesActe(a: ActeFields, id: string, classifDate: string): string {
  const matieres = a.classif.map((c, i) => `<actes:CodeMatiere${i + 1} actes:CodeMatiere="${esc(c)}"/>`).join('');
  const annexes = a.typePj
    .map(
      (t, i) =>
        `<actes:Annexe><actes:NomFichier>${esc(fileName(t, id, '1-1', i + 2, a.annexExts[i] ?? 'pdf'))}</actes:NomFichier></actes:Annexe>`,
    )
    .join('');
  return (
    `${matieres}<actes:Objet>${esc(a.subject)}</actes:Objet><actes:ClassificationDateVersion>${classifDate}</actes:ClassificationDateVersion>` +
    `<actes:Document><actes:NomFichier>${esc(fileName(a.typeActe, id, '1-1', 1, a.mainExt))}</actes:NomFichier></actes:Document>` +
    `<actes:Annexes actes:Nombre="${a.typePj.length}">${annexes}</actes:Annexes><actes:DocumentPapier>${a.documentPapier ? 'O' : 'N'}</actes:DocumentPapier>`
  );
}
const acteAttrs = (a: ActeFields) =>
  `actes:Date="${a.decisionDate}" actes:NumeroInterne="${esc(a.number)}" actes:CodeNatureActe="${a.nature}"`;

/** Message métier 1-1 (`ActesTransaction::generateActeXMLFile`). */
export const acteXml = (a: ActeFields, id: string, classifDate: string) =>
  `${HEAD}<actes:Acte ${NSDECL} ${acteAttrs(a)}>${donneesActe(a, id, classifDate)}</actes:Acte>\n`;

/** 1-2: the ministry's AR, echoing the act. */
export const arActeXml = (a: ActeFields, id: string, classifDate: string, dateReception: string) =>
  `${HEAD}<actes:ARActe ${NSDECL} actes:IDActe="${id}" actes:DateReception="${dateReception}"><actes:ActeRecu ${acteAttrs(a)}>${donneesActe(a, id, classifDate)}</actes:ActeRecu>` +
  `<actes:ClassificationDateVersionEnCours>${classifDate}</actes:ClassificationDateVersionEnCours></actes:ARActe>\n`;

/** 1-3: refusal of the act by the ministry (Nature = 3-digit code). */
export const anomalieActeXml = (a: ActeFields, id: string, classifDate: string, date: string, detail: string) =>
  `${HEAD}<actes:AnomalieActe ${NSDECL}><actes:Date>${date}</actes:Date><actes:Nature>042</actes:Nature><actes:Detail>${esc(detail)}</actes:Detail>` +
  `<actes:ActeRecu ${acteAttrs(a)}>${donneesActe(a, id, classifDate)}</actes:ActeRecu><actes:ClassificationDateVersionEnCours>${classifDate}</actes:ClassificationDateVersionEnCours></actes:AnomalieActe>\n`;

export const annulationXml = (id: string) => `${HEAD}<actes:Annulation ${NSDECL} actes:IDActe="${id}"/>\n`;
export const arAnnulationXml = (id: string, date: string) =>
  `${HEAD}<actes:ARAnnulation ${NSDECL} actes:IDActe="${id}" actes:DateReception="${date}"/>\n`;

export type CourrierKind = 'CourrierSimple' | 'DemandePieceComplementaire' | 'LettreObservations' | 'DefereTA';
export const COURRIER_TYPE: Record<CourrierKind, { txType: number; msg: string }> = {
  CourrierSimple: { txType: 2, msg: '2-1' },
  DemandePieceComplementaire: { txType: 3, msg: '3-1' },
  LettreObservations: { txType: 4, msg: '4-1' },
  DefereTA: { txType: 5, msg: '5-1' },
};

/** Préfecture → collectivité messages (§2.8). */
export function courrierXml(kind: CourrierKind, id: string, date: string, texte: string, pdfName: string): string {
  const doc = `<actes:Document><actes:NomFichier>${esc(pdfName)}</actes:NomFichier></actes:Document>`;
  const body =
    kind === 'CourrierSimple'
      ? doc
      : kind === 'DemandePieceComplementaire'
        ? `<actes:DescriptionPieces>${esc(texte)}</actes:DescriptionPieces>${doc}`
        : kind === 'LettreObservations'
          ? `<actes:Motif>${esc(texte)}</actes:Motif>${doc}`
          : `<actes:DateDepot>${date}</actes:DateDepot><actes:NatureIllegalite>${esc(texte)}</actes:NatureIllegalite><actes:PiecesJointes><actes:PieceJointe><actes:NomFichier>${esc(pdfName)}</actes:NomFichier></actes:PieceJointe></actes:PiecesJointes>`;
  const dateAttr = kind === 'DefereTA' ? '' : ` actes:DateCourrierPref="${date}"`;
  return `${HEAD}<actes:${kind} ${NSDECL} actes:IDActe="${id}"${dateAttr}>${body}</actes:${kind}>\n`;
}

/** AR of a reply (3-5 / 4-5) once the préfecture has it. */
export const arReponseXml = (
  root: 'ARPieceComplementaire' | 'ARReponseRejetLettreObservations',
  id: string,
  date: string,
) =>
  `${HEAD}<actes:${root} ${NSDECL} actes:DateReception="${date}"><actes:InfosCourrierPref actes:IDActe="${id}" actes:DateCourrierPref="${date}"/></actes:${root}>\n`;

/**
 * Envelope of a préfecture → collectivité message (actesv1_1.xsd EnveloppeMISILLCL: Emetteur = the préfecture,
 * FormulairesEnvoyes, Destinataire = the commune's SIREN; §2.2 incoming envelopes `TACT--SPREF…`).
 */
export const enveloppeMisillclXml = (departement: string, siren: string, formulaires: string[]) =>
  `${HEAD}<actes:EnveloppeMISILLCL ${NSDECL}><actes:Emetteur><actes:IDPref actes:Departement="${esc(departement)}"/></actes:Emetteur>` +
  `<actes:FormulairesEnvoyes>${formulaires.map((f) => `<actes:Formulaire><actes:NomFichier>${esc(f)}</actes:NomFichier></actes:Formulaire>`).join('')}</actes:FormulairesEnvoyes>` +
  `<actes:Destinataire insee:SIREN="${esc(siren)}"/></actes:EnveloppeMISILLCL>\n`;

/**
 * Whole-envelope rejection by the ministry (actesv1_1.xsd AnomalieEnveloppe: Date, Nature among 001…005/100,
 * Detail, EnveloppeRecue = the EnveloppeCLMISILL S²LOW had built, §2.1).
 */
export const anomalieEnveloppeXml = (p: {
  date: string;
  nature: string;
  detail: string;
  siren: string;
  departement: string;
  acteFile: string;
}) =>
  `${HEAD}<actes:AnomalieEnveloppe ${NSDECL}><actes:Date>${p.date}</actes:Date><actes:Nature>${esc(p.nature)}</actes:Nature><actes:Detail>${esc(p.detail)}</actes:Detail>` +
  `<actes:EnveloppeRecue><actes:Emetteur><actes:IDCL insee:SIREN="${esc(p.siren)}" actes:Departement="${esc(p.departement)}" actes:Arrondissement="1" actes:Nature="31"/></actes:Emetteur>` +
  `<actes:AdressesRetour><actes:Email>mairie@example.fr</actes:Email></actes:AdressesRetour>` +
  `<actes:FormulairesEnvoyes><actes:Formulaire><actes:NomFichier>${esc(p.acteFile)}</actes:NomFichier></actes:Formulaire></actes:FormulairesEnvoyes></actes:EnveloppeRecue></actes:AnomalieEnveloppe>\n`;

/** The commune's replies to a DPC as S²LOW builds them (§2.8: 3-4 PieceComplementaire, 3-3 RefusPieceComplementaire). */
export function reponsePieceXml(
  kind: 'PieceComplementaire' | 'RefusPieceComplementaire',
  id: string,
  dateCourrier: string,
  files: string[],
): string {
  const docs = files
    .map((f) => `<actes:Document><actes:NomFichier>${esc(f)}</actes:NomFichier></actes:Document>`)
    .join('');
  const body = kind === 'PieceComplementaire' ? `<actes:Documents>${docs}</actes:Documents>` : docs;
  return `${HEAD}<actes:${kind} ${NSDECL} actes:IDActe="${id}" actes:DateCourrierPref="${dateCourrier}">${body}</actes:${kind}>\n`;
}
