/**
 * What every letter of the état-civil counter needs, as plain values (no database, no clock: the caller
 * passes the commune, the requester, the act and the date), and how one is printed: A4 PDF with the
 * existing writer (main/documents), dates jj/mm/aaaa, the agent named (CRPA L111-2) and a signature block
 * with the signatory's name and quality (CRPA L212-1).
 */
import { PdfWriter } from '../../documents';
import { dateCourte } from './rules';
import type { ActeDemande, Canal, Civilite, DocumentDemande } from './rules';
import type { Kind } from './rules';

export interface LettreContexte {
  commune: { nom: string; adresse: string; codePostal: string; telephone?: string | null; email?: string | null };
  demandeur: { civilite?: Civilite | null; nom: string; prenoms?: string | null; adresse?: string | null };
  typeActe: Kind;
  /** what the request says of the act */
  acte: ActeDemande;
  document: DocumentDemande;
  nombre?: number;
  canal: Canal;
  /** YYYY-MM-DD */
  recueLe: string;
  /** YYYY-MM-DD: the day the complément asked for was received (décret 2017-890 art. 30), if any */
  complementRecuLe?: string | null;
  /** the request's number in the counter's register, if any */
  reference?: string | null;
  /** YYYY-MM-DD, the letter's date */
  date: string;
  /** the officier de l'état civil or the agent handling it: name and quality (« Maire », « Adjointe au maire », « Agent délégué (arrêté n° …, art. R2122-10 CGCT) ») */
  officier: { nom: string; qualite: string };
}

export interface Lettre {
  titre: string;
  /** the articles the letter answers to, printed under the title */
  references: string;
  paragraphes: string[];
}

/** « une copie intégrale », « un extrait avec filiation » */
export const DOCUMENT_ARTICLE: Record<DocumentDemande, string> = {
  copie_integrale: 'une copie intégrale',
  extrait_avec_filiation: 'un extrait avec filiation',
  extrait_sans_filiation: 'un extrait sans filiation',
  extrait_plurilingue: 'un extrait plurilingue',
};
/** « la » / « le », to agree a pronoun with the document asked */
export const pronom = (doc: DocumentDemande): 'la' | 'le' => (doc === 'copie_integrale' ? 'la' : 'le');
/** « remise » for a copie, « remis » for an extrait */
export const accordDoc = (doc: DocumentDemande, masculin: string): string =>
  doc === 'copie_integrale' ? `${masculin}e` : masculin;

const OF_ACT: Record<Kind, string> = {
  naissance: 'l’acte de naissance',
  reconnaissance: 'l’acte de reconnaissance',
  mariage: 'l’acte de mariage',
  deces: 'l’acte de décès',
  transcription_deces: 'la transcription de l’acte de décès',
  enfant_sans_vie: 'l’acte d’enfant sans vie',
};
const EVENT: Record<Kind, string> = {
  naissance: 'naissance',
  reconnaissance: 'reconnaissance',
  mariage: 'mariage',
  deces: 'décès',
  transcription_deces: 'décès',
  enfant_sans_vie: 'accouchement',
};

const nomPersonne = (prenoms?: string | null, nom?: string | null) =>
  [prenoms?.trim(), nom?.trim().toLocaleUpperCase('fr-FR')].filter(Boolean).join(' ');
const isoDate = (d?: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? dateCourte(d) : d?.trim() || null);
const quandOu = (what: string, date?: string | null, lieu?: string | null) => {
  const parts = [isoDate(date) ? `le ${isoDate(date)}` : null, lieu?.trim() ? `à ${lieu.trim()}` : null].filter(
    Boolean,
  );
  return parts.length ? `${what} ${parts.join(' ')}` : null;
};

/** « l’acte de naissance concernant Hélène Marie LEFÈVRE (naissance le 03/04/1962 à Saint-Benoît-sur-Loire) », from what is known */
export function acteDecrit(k: Kind, a: ActeDemande): string {
  let out = OF_ACT[k];
  if (k === 'reconnaissance') {
    const auteur = nomPersonne(a.declarantPrenoms, a.declarantNom);
    if (auteur) out += ` souscrit par ${auteur}`;
  } else {
    const qui = nomPersonne(a.prenoms, a.nom);
    if (qui) out += k === 'enfant_sans_vie' ? ` (mère : ${qui})` : ` concernant ${qui}`;
  }
  const details =
    k === 'naissance'
      ? quandOu('naissance', a.dateNaissance, a.lieuNaissance)
      : quandOu(EVENT[k], a.dateEvenement, a.lieuEvenement);
  return details ? `${out} (${details})` : out;
}

const CANAL_RECU: Record<Canal, string> = {
  guichet: 'au guichet de la mairie',
  courrier: 'par courrier',
  teleservice: 'par téléservice',
  notaire: 'par l’intermédiaire d’un notaire',
  administration: 'par l’intermédiaire d’une administration',
  autre_commune: 'par l’intermédiaire d’une autre commune',
  courriel: 'par courriel',
};

/** « Vous avez demandé, le 20/11/2026 par courrier, une copie intégrale de l’acte de naissance … » */
export const rappelDemande = (c: LettreContexte): string =>
  `Vous avez demandé, le ${dateCourte(c.recueLe)} ${CANAL_RECU[c.canal]}, ${DOCUMENT_ARTICLE[c.document]} de ${acteDecrit(c.typeActe, c.acte)}${c.reference ? ` (demande n° ${c.reference})` : ''}${c.complementRecuLe ? `, complétée le ${dateCourte(c.complementRecuLe)}` : ''}.`;

export const salutation = (c: LettreContexte): string =>
  c.demandeur.civilite === 'Mme' ? 'Madame,' : c.demandeur.civilite === 'M.' ? 'Monsieur,' : 'Madame, Monsieur,';
export const politesse = (c: LettreContexte): string =>
  `Je vous prie d’agréer, ${c.demandeur.civilite === 'Mme' ? 'Madame' : c.demandeur.civilite === 'M.' ? 'Monsieur' : 'Madame, Monsieur'}, l’expression de mes salutations distinguées.`;

const phone = (t: string) => (/^0\d{9}$/.test(t) ? t.replace(/(\d{2})(?=\d)/g, '$1 ') : t);

/** The letter as an A4 PDF. `createdAt` comes from the letter's date, so the same input gives the same document. */
export async function lettrePdf(c: LettreContexte, l: Lettre): Promise<Uint8Array> {
  const m = c.commune;
  const w = await PdfWriter.create({
    title: l.titre,
    commune: `Commune de ${m.nom}`,
    createdAt: new Date(`${c.date}T12:00:00Z`),
    header: `Commune de ${m.nom} — État civil — ${l.titre}`,
  });
  w.text(`Mairie de ${m.nom}\n${m.adresse}\n${m.codePostal} ${m.nom}`, { size: 10, after: 4 });
  if (m.telephone || m.email)
    w.text(
      [m.telephone ? `Téléphone : ${phone(m.telephone)}` : '', m.email ? `Courriel : ${m.email}` : '']
        .filter(Boolean)
        .join(' — '),
      { size: 9, after: 10 },
    );
  const dest = [
    `${c.demandeur.civilite ? `${c.demandeur.civilite} ` : ''}${nomPersonne(c.demandeur.prenoms, c.demandeur.nom)}`,
    c.demandeur.adresse?.trim() ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  w.text(dest, { align: 'right', after: 10 });
  w.text(`${m.nom}, le ${dateCourte(c.date)}`, { align: 'right', after: 10 });
  w.heading(l.titre, 14);
  w.text(`(${l.references})`, { size: 9, after: 8 });
  w.text(salutation(c), { after: 6 });
  for (const p of l.paragraphes) w.text(p, { after: 6 });
  w.text(politesse(c), { after: 8 });
  w.text(
    `Affaire suivie par : ${c.officier.nom}, ${c.officier.qualite}, mairie de ${m.nom}, ${m.adresse}, ${m.codePostal} ${m.nom} (art. L111-2 du code des relations entre le public et l’administration).`,
    { size: 9, after: 10 },
  );
  w.signatures([{ title: c.officier.qualite, name: c.officier.nom }]);
  return w.save();
}
