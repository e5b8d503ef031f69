/**
 * The counter's letters, printed as PDFs and read back (qpdf --check, pdftotext): wording, articles, dates
 * jj/mm/aaaa, no « (s) ». The decisions come from decideDelivrance on realistic requests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../../test-support/helpers';
import { skipReason, toolMissing } from '../../../test-support/support';
import { decideDelivrance, type DemandeDelivrance } from './rules';
import {
  acteDecrit,
  lettreComplement,
  lettreComplementPdf,
  lettreRefusPdf,
  recepisseDemande,
  recepisseDemandePdf,
  type LettreContexte,
} from '.';

const noTools = skipReason('lettres état civil', toolMissing('pdftotext', 'qpdf'));

const ACTE = {
  nom: 'Lefèvre',
  prenoms: 'Hélène Marie',
  dateNaissance: '1962-04-03',
  lieuNaissance: 'Saint-Benoît-sur-Loire',
  parent1Nom: 'Lefèvre',
  parent1Prenoms: 'Noël',
  parent2Nom: 'Le Gall',
  parent2Prenoms: 'Gaëlle',
};
const CTX: LettreContexte = {
  commune: {
    nom: 'Saint-Benoît-sur-Loire',
    adresse: '1 place de la Mairie',
    codePostal: '45730',
    telephone: '0238357000',
    email: 'mairie@saint-benoit.fr',
  },
  demandeur: { civilite: 'Mme', nom: 'Bérard', prenoms: 'Josiane', adresse: '12 rue des Écoles\n45000 Orléans' },
  typeActe: 'naissance',
  acte: ACTE,
  document: 'copie_integrale',
  canal: 'courrier',
  recueLe: '2026-11-20',
  reference: '2026-0042',
  date: '2026-11-23',
  officier: {
    nom: 'Martine Roux',
    qualite: 'Agent délégué, officier de l’état civil (arrêté n° 2026-12, art. R2122-10 CGCT)',
  },
};
const demande = (p: Partial<DemandeDelivrance>): DemandeDelivrance => ({
  canal: 'courrier',
  typeActe: 'naissance',
  document: 'copie_integrale',
  livraison: 'envoi_postal',
  acte: ACTE,
  registre: { registreAnnee: 1962, registreClosLe: '1962-12-29' },
  today: '2026-11-23',
  demandeur: { qualite: 'descendant', civilite: 'Mme', adressePostale: '12 rue des Écoles, 45000 Orléans' },
  ...p,
});

function readBack(pdf: Uint8Array, name: string): string {
  const file = path.join(tempDir('clocher-lettres-'), `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('qpdf', ['--check', file]);
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}
function commonChecks(text: string) {
  expect(text).toContain('Saint-Benoît-sur-Loire, le 23/11/2026');
  expect(text).toContain('le 20/11/2026 par courrier');
  expect(text).toContain('Affaire suivie par : Martine Roux');
  expect(text).toContain('L111-2');
  expect(text).not.toMatch(/\((s|e|es)\)/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates are jj/mm/aaaa
}

describe('the act described in a letter', () => {
  it('names the person, the event and its date in jj/mm/aaaa', () => {
    expect(acteDecrit('naissance', ACTE)).toBe(
      'l’acte de naissance concernant Hélène Marie LEFÈVRE (naissance le 03/04/1962 à Saint-Benoît-sur-Loire)',
    );
    expect(
      acteDecrit('reconnaissance', {
        declarantNom: 'Chevalier',
        declarantPrenoms: 'Noël',
        dateEvenement: '1990-02-01',
      }),
    ).toBe('l’acte de reconnaissance souscrit par Noël CHEVALIER (reconnaissance le 01/02/1990)');
    expect(acteDecrit('deces', {})).toBe('l’acte de décès');
  });
});

describe.skipIf(noTools)('letters read back from their PDF', () => {
  it('lettre de demande de complément: lists what is missing with its article, asks to send it back, the request waits', async () => {
    const d = decideDelivrance(demande({ acte: { ...ACTE, parent1Nom: '', parent2Prenoms: null } }));
    if (d.outcome !== 'incomplete') throw new Error(`expected incomplete, got ${d.outcome}`);
    const text = readBack(await lettreComplementPdf(CTX, d), 'complement');
    commonChecks(text);
    for (const s of [
      'Demande de complément',
      'Madame,',
      'une copie intégrale de l’acte de naissance concernant Hélène Marie LEFÈVRE (naissance le 03/04/1962 à Saint-Benoît-sur-Loire) (demande n° 2026-0042)',
      'Pour pouvoir vous la délivrer, les éléments suivants sont nécessaires',
      '– Le nom du premier parent (art. 29 du décret n° 2017-890 du 6 mai 2017).',
      '– Le prénom usuel du second parent (art. 29 du décret n° 2017-890 du 6 mai 2017).',
      'Merci de nous les adresser par courrier',
      'Votre demande est conservée',
      'vous sera remise au guichet ou envoyée par la poste',
      'IGREC n° 72-1',
    ])
      expect(text).toContain(s);
  });

  it('one missing item is asked in the singular, and an extrait agrees in the masculine', () => {
    const d = decideDelivrance(demande({ document: 'extrait_avec_filiation', acte: { ...ACTE, lieuNaissance: ' ' } }));
    if (d.outcome !== 'incomplete') throw new Error(d.outcome);
    const l = lettreComplement({ ...CTX, document: 'extrait_avec_filiation' }, d).paragraphes.join(' ');
    expect(l).toContain('Pour pouvoir vous le délivrer, l’élément suivant est nécessaire');
    expect(l).toContain('Merci de nous l’adresser');
    expect(l).toContain('un extrait avec filiation vous sera remis au guichet ou envoyé par la poste');
  });

  it('lettre de refus: reason, article, what may be obtained instead, how to contest', async () => {
    const d = decideDelivrance(
      demande({
        demandeur: { qualite: 'tiers', civilite: 'M.', adressePostale: 'x' },
        registre: { registreAnnee: 1990, registreClosLe: '1990-12-28' },
      }),
    );
    if (d.outcome !== 'refused') throw new Error(d.outcome);
    const text = readBack(
      await lettreRefusPdf({ ...CTX, demandeur: { civilite: 'M.', nom: 'Bérard', prenoms: 'Jérôme' } }, d),
      'refus',
    );
    commonChecks(text);
    for (const s of [
      'Refus de délivrance',
      'Monsieur,',
      'Je ne peux pas vous la délivrer, pour le motif suivant.',
      'Copie intégrale refusée : le demandeur n’a pas de lien avec la personne que l’acte concerne',
      '(art. 30 du décret n° 2017-890 du 6 mai 2017)',
      'qu’à partir du 28/12/2065, 75 ans après sa clôture (art. L213-2 I 4° e du code du patrimoine)',
      'Vous pouvez en revanche obtenir, pour cet acte : – Extrait sans filiation (art. 33 du décret n° 2017-890 du 6 mai 2017).',
      'Voies de recours. Vous pouvez demander l’autorisation d’obtenir ce document au procureur de la République',
      'art. 34-1 du code civil',
      'Je vous prie d’agréer, Monsieur,',
    ])
      expect(text).toContain(s);
  });

  it('refusal of an e-mail delivery: the explanation (IGREC n° 72-1), guichet and post offered', async () => {
    const d = decideDelivrance(demande({ livraison: 'courriel' }));
    if (d.outcome !== 'refused') throw new Error(d.outcome);
    const text = readBack(await lettreRefusPdf(CTX, d), 'refus-courriel');
    commonChecks(text);
    expect(text).toContain('Je ne peux pas vous l’envoyer par courriel, pour le motif suivant.');
    for (const s of [
      'ne peut pas être envoyé par courriel',
      'aucune valeur authentique',
      'art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1',
      '– Copie intégrale : remise au guichet.',
      '– Copie intégrale : envoi postal.',
    ])
      expect(text).toContain(s);
  });

  it('récépissé, printed on request: receipt only, no accusé de réception due (CRPA L112-3, R112-4 2°)', async () => {
    const c = { ...CTX, nombre: 2 };
    const text = readBack(await recepisseDemandePdf(c, 'envoi_postal'), 'recepisse');
    commonChecks(text);
    for (const s of [
      'Récépissé de demande',
      'Votre demande a été enregistrée le 20/11/2026 sous le n° 2026-0042 (2 exemplaires, envoi postal).',
      'envoyé par la poste à l’adresse : 12 rue des Écoles, 45000 Orléans, jamais par courriel',
      'Ce récépissé vous est remis à votre demande',
      'ne donne pas lieu à un accusé de réception',
      'art. L112-3 et R112-4 2° du code des relations entre le public et l’administration',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/réputée (acceptée|rejetée)/);
    expect(recepisseDemande({ ...CTX, nombre: 1, reference: null }, 'remise_guichet').paragraphes[1]).toContain(
      'enregistrée le 20/11/2026 (1 exemplaire, remise au guichet). Le document vous sera remis au guichet de la mairie',
    );
  });
});
