/**
 * « Who may obtain what »: the expected tables below are written by hand from décret n° 2017-890 arts. 29–33,
 * CIEC Convention n° 16 art. 1 and Code du patrimoine L213-2 (domain-rules §2.1–2.3), not from the code.
 */
import {
  decideDelivrance,
  QUALITES,
  type Decision,
  type DemandeDelivrance,
  type Demandeur,
  type DocumentDemande,
  type QualiteDemandeur,
} from './delivrance';
import type { Kind } from './kinds';

const TODAY = '2026-11-23';
const COMPLET = {
  nom: 'Lefèvre',
  prenoms: 'Hélène Marie',
  dateNaissance: '1962-04-03',
  lieuNaissance: 'Saint-Benoît-sur-Loire',
  parent1Nom: 'Lefèvre',
  parent1Prenoms: 'Noël',
  parent2Nom: 'Le Gall',
  parent2Prenoms: 'Gaëlle',
  dateEvenement: '1985-06-01',
  lieuEvenement: 'Saint-Benoît-sur-Loire',
  declarantNom: 'Lefèvre',
  declarantPrenoms: 'Noël',
};
/** a register of 2000: not communicable before 2075 */
const RECENT = { registreAnnee: 2000, registreClosLe: '2000-12-28' };
/** a register closed in 1940: communicable to anyone since 1940-12-30 + 75 years */
const ANCIEN = { registreAnnee: 1940, registreClosLe: '1940-12-30' };

/** Each quality with the pieces its right needs (mandate, ruling, text, authorisation), the avocat for a descendant. */
const COMPLETE_DEMANDEUR: Record<QualiteDemandeur, Demandeur> = {
  personne_elle_meme: { qualite: 'personne_elle_meme', majeurOuEmancipe: true },
  ascendant: { qualite: 'ascendant' },
  descendant: { qualite: 'descendant' },
  conjoint: { qualite: 'conjoint' },
  partenaire_pacs: { qualite: 'partenaire_pacs' },
  representant_legal: { qualite: 'representant_legal' },
  heritier: { qualite: 'heritier' },
  mandataire: { qualite: 'mandataire', mandatEcrit: true },
  habilitation_familiale: { qualite: 'habilitation_familiale', jugementHabilitation: true },
  avocat: { qualite: 'avocat', client: { qualite: 'descendant' } },
  notaire: { qualite: 'notaire' },
  administration: { qualite: 'administration', texteInvoque: 'art. L161-1 du code de la sécurité sociale' },
  procureur: { qualite: 'procureur' },
  officier_etat_civil: { qualite: 'officier_etat_civil' },
  autorite_nationalite: { qualite: 'autorite_nationalite' },
  genealogiste: { qualite: 'genealogiste', autorisationArchives: true, mandatGenealogiste: true },
  tiers: { qualite: 'tiers' },
};

function demande(p: Partial<DemandeDelivrance> & { demandeur: Demandeur }): DemandeDelivrance {
  return {
    canal: 'guichet',
    typeActe: 'naissance',
    document: 'copie_integrale',
    livraison: 'remise_guichet',
    acte: COMPLET,
    registre: RECENT,
    today: TODAY,
    ...p,
  };
}

/**
 * G granted (certified) · R refused (no right) · N refused (no such document for this act) · S granted as a
 * non-certified copy « à titre de simple renseignement ». Columns in this order:
 *   elle-même, ascendant, descendant, conjoint, PACS, représentant légal, héritier, mandataire, habilitation familiale,
 *   avocat, notaire, administration, procureur, officier EC, autorité de nationalité, généalogiste, tiers
 */
const COLS: readonly QualiteDemandeur[] = QUALITES;
type Row = Record<DocumentDemande, string>;
// art. 30 (CI), 30 + 32 (EAF), 33 (ESF to anyone), CIEC art. 1 (plurilingue = those entitled to the CI).
const NAISSANCE_OU_MARIAGE: Row = {
  copie_integrale: /*        */ 'GGGGGGRGGGGGGGGGR',
  extrait_avec_filiation: /* */ 'GGGGGGRGGGGGGGGGR',
  extrait_sans_filiation: /* */ 'GGGGGGGGGGGGGGGGG',
  extrait_plurilingue: /*    */ 'GGGGGGRGGGGGGGGGR',
};
// art. 30: the heirs of the child too; no extract of a reconnaissance; no CIEC formule for it.
const RECONNAISSANCE: Row = {
  copie_integrale: /*        */ 'GGGGGGGGGGGGGGGGR',
  extrait_avec_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_sans_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_plurilingue: /*    */ 'NNNNNNNNNNNNNNNNN',
};
// copie intégrale of a death to anyone; formule C to those entitled to the CI, so anyone; no extract of a death.
const DECES: Row = {
  copie_integrale: /*        */ 'GGGGGGGGGGGGGGGGG',
  extrait_avec_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_sans_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_plurilingue: /*    */ 'GGGGGGGGGGGGGGGGG',
};
// enfant sans vie: copie intégrale to anyone, no extract, no CIEC formule (A birth, B marriage, C death).
const ENFANT_SANS_VIE: Row = {
  copie_integrale: /*        */ 'GGGGGGGGGGGGGGGGG',
  extrait_avec_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_sans_filiation: /* */ 'NNNNNNNNNNNNNNNNN',
  extrait_plurilingue: /*    */ 'NNNNNNNNNNNNNNNNN',
};
const MATRIX_RECENT: Record<Kind, Row> = {
  naissance: NAISSANCE_OU_MARIAGE,
  mariage: NAISSANCE_OU_MARIAGE,
  reconnaissance: RECONNAISSANCE,
  deces: DECES,
  transcription_deces: DECES,
  enfant_sans_vie: ENFANT_SANS_VIE,
};
// The same requests on a register closed more than 75 years ago (L213-2 I 4° e): those refused for want of a
// right get a non-certified copy, except the plurilingue (CIEC art. 1 still requires the right).
const NAISSANCE_OU_MARIAGE_ANCIEN: Row = {
  ...NAISSANCE_OU_MARIAGE,
  copie_integrale: 'GGGGGGSGGGGGGGGGS',
  extrait_avec_filiation: 'GGGGGGSGGGGGGGGGS',
};
const MATRIX_ANCIEN: Record<Kind, Row> = {
  ...MATRIX_RECENT,
  naissance: NAISSANCE_OU_MARIAGE_ANCIEN,
  mariage: NAISSANCE_OU_MARIAGE_ANCIEN,
  reconnaissance: { ...RECONNAISSANCE, copie_integrale: 'GGGGGGGGGGGGGGGGS' },
};

function cells(matrix: Record<Kind, Row>) {
  return Object.entries(matrix).flatMap(([kind, row]) =>
    Object.entries(row).flatMap(([doc, line]) =>
      COLS.map((q, i) => ({
        kind: kind as Kind,
        doc: doc as DocumentDemande,
        q,
        expected: line[i] as 'G' | 'R' | 'N' | 'S',
      })),
    ),
  );
}

function check(d: Decision, expected: 'G' | 'R' | 'N' | 'S', doc: DocumentDemande) {
  if (expected === 'G')
    expect(d).toMatchObject({ outcome: 'granted', document: doc, certifiee: true, simpleRenseignement: false });
  if (expected === 'S')
    expect(d).toMatchObject({
      outcome: 'granted',
      document: 'copie_integrale',
      certifiee: false,
      simpleRenseignement: true,
    });
  if (expected === 'R') expect(d).toMatchObject({ outcome: 'refused', motif: expect.stringMatching(/refusée? : /) });
  if (expected === 'N')
    expect(d).toMatchObject({
      outcome: 'refused',
      motif: expect.stringMatching(/seule une copie intégrale peut être délivrée/),
    });
  // every answer names its article in the French text, and prints no « (s) »
  expect(d.motif).toMatch(/art\. (\d|L213)|Convention CIEC n° 16/);
  expect(d.motif).not.toMatch(/\((s|e|es)\)/);
}

describe('the matrix act × document × quality, register under 75 years (décret 2017-890 arts. 30–33)', () => {
  it.each(cells(MATRIX_RECENT))('$kind · $doc · $q → $expected', ({ kind, doc, q, expected }) => {
    check(
      decideDelivrance(demande({ typeActe: kind, document: doc, demandeur: COMPLETE_DEMANDEUR[q] })),
      expected,
      doc,
    );
  });
});

describe('the same matrix on a register closed more than 75 years ago (L213-2 I 4° e)', () => {
  it.each(cells(MATRIX_ANCIEN))('$kind · $doc · $q → $expected', ({ kind, doc, q, expected }) => {
    check(
      decideDelivrance(demande({ typeActe: kind, document: doc, demandeur: COMPLETE_DEMANDEUR[q], registre: ANCIEN })),
      expected,
      doc,
    );
  });
});

/** Hand-written from art. 29: what each request must state. */
const REQUIRED: { kind: Kind; doc: DocumentDemande; champs: string[] }[] = [
  ...(['copie_integrale', 'extrait_avec_filiation', 'extrait_plurilingue'] as const).flatMap((doc) => [
    {
      kind: 'naissance' as Kind,
      doc,
      champs: [
        'nom',
        'prenoms',
        'date_naissance',
        'lieu_naissance',
        'parent1_nom',
        'parent1_prenoms',
        'parent2_nom',
        'parent2_prenoms',
      ],
    },
    {
      kind: 'mariage' as Kind,
      doc,
      champs: [
        'nom',
        'prenoms',
        'date_naissance',
        'lieu_naissance',
        'parent1_nom',
        'parent1_prenoms',
        'parent2_nom',
        'parent2_prenoms',
        'date_evenement',
        'lieu_evenement',
      ],
    },
  ]),
  { kind: 'naissance', doc: 'extrait_sans_filiation', champs: ['nom', 'prenoms', 'date_naissance', 'lieu_naissance'] },
  { kind: 'mariage', doc: 'extrait_sans_filiation', champs: ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'] },
  {
    kind: 'reconnaissance',
    doc: 'copie_integrale',
    champs: ['declarant_nom', 'declarant_prenoms', 'date_evenement', 'lieu_evenement'],
  },
  { kind: 'deces', doc: 'copie_integrale', champs: ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'] },
  { kind: 'deces', doc: 'extrait_plurilingue', champs: ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'] },
  {
    kind: 'transcription_deces',
    doc: 'copie_integrale',
    champs: ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'],
  },
  { kind: 'enfant_sans_vie', doc: 'copie_integrale', champs: ['nom', 'prenoms', 'date_evenement', 'lieu_evenement'] },
];
const FIELD: Record<string, keyof typeof COMPLET> = {
  nom: 'nom',
  prenoms: 'prenoms',
  date_naissance: 'dateNaissance',
  lieu_naissance: 'lieuNaissance',
  parent1_nom: 'parent1Nom',
  parent1_prenoms: 'parent1Prenoms',
  parent2_nom: 'parent2Nom',
  parent2_prenoms: 'parent2Prenoms',
  date_evenement: 'dateEvenement',
  lieu_evenement: 'lieuEvenement',
  declarant_nom: 'declarantNom',
  declarant_prenoms: 'declarantPrenoms',
};

describe('what the request must state (art. 29)', () => {
  it.each(REQUIRED.flatMap((r) => r.champs.map((champ) => ({ ...r, champ }))))(
    '$kind · $doc without $champ → incomplete, asking for it under art. 29',
    ({ kind, doc, champ }) => {
      const d = decideDelivrance(
        demande({
          typeActe: kind,
          document: doc,
          demandeur: { qualite: 'descendant' },
          acte: { ...COMPLET, [FIELD[champ]!]: '  ' },
        }),
      );
      expect(d).toMatchObject({
        outcome: 'incomplete',
        manquants: [{ champ, article: 'art. 29 du décret n° 2017-890 du 6 mai 2017' }],
      });
      expect(d.motif).toMatch(
        /^La demande est incomplète\. Il manque : .+ \(art\. 29 du décret n° 2017-890 du 6 mai 2017\)\.$/,
      );
    },
  );
  it('says « la date du mariage » and « le lieu du décès », not « de l’événement »', () => {
    const m = decideDelivrance(
      demande({ typeActe: 'mariage', demandeur: { qualite: 'conjoint' }, acte: { ...COMPLET, dateEvenement: null } }),
    );
    expect(m.outcome === 'incomplete' && m.manquants[0]!.label).toBe('la date du mariage');
    const d = decideDelivrance(
      demande({
        typeActe: 'deces',
        demandeur: { qualite: 'tiers' },
        acte: { ...COMPLET, lieuEvenement: null, nom: '' },
      }),
    );
    expect(d.outcome === 'incomplete' && d.manquants.map((x) => x.label)).toEqual([
      'le nom de la personne décédée',
      'le lieu du décès',
    ]);
  });
  it('does not ask for a second parent the act does not name', () => {
    const d = decideDelivrance(
      demande({
        demandeur: { qualite: 'descendant' },
        acte: { ...COMPLET, parent2Nom: null, parent2Prenoms: null, unSeulParent: true },
      }),
    );
    expect(d.outcome).toBe('granted');
  });
  it('lists every missing item at once, grouped by article, the mandate with the names', () => {
    const d = decideDelivrance(
      demande({
        demandeur: { qualite: 'mandataire', civilite: 'Mme' },
        acte: { ...COMPLET, parent1Nom: '', parent2Prenoms: '' },
        livraison: 'envoi_postal',
      }),
    );
    expect(d.outcome === 'incomplete' && d.manquants.map((m) => m.champ)).toEqual([
      'mandat_ecrit',
      'parent1_nom',
      'parent2_prenoms',
      'adresse_postale',
    ]);
    expect(d.motif).toContain(
      'le mandat écrit de la personne qui vous a chargée de la demande (art. 30 du décret n° 2017-890 du 6 mai 2017) ; le nom du premier parent, le prénom usuel du second parent (art. 29',
    );
  });
  it('needs the requester’s link for a copie intégrale, not for an extrait sans filiation nor a death', () => {
    const ci = decideDelivrance(demande({ demandeur: { qualite: null } }));
    expect(ci).toMatchObject({
      outcome: 'incomplete',
      manquants: [{ champ: 'lien', article: 'art. 30 du décret n° 2017-890 du 6 mai 2017' }],
    });
    expect(
      decideDelivrance(demande({ document: 'extrait_sans_filiation', demandeur: { qualite: null } })).outcome,
    ).toBe('granted');
    expect(decideDelivrance(demande({ typeActe: 'deces', demandeur: { qualite: null } })).outcome).toBe('granted');
  });
  it('a postal delivery needs the requester’s address', () => {
    const d = decideDelivrance(demande({ demandeur: { qualite: 'descendant' }, livraison: 'envoi_postal' }));
    expect(d).toMatchObject({ outcome: 'incomplete', manquants: [{ champ: 'adresse_postale' }] });
    expect(
      decideDelivrance(
        demande({
          demandeur: { qualite: 'descendant', adressePostale: '3 rue de l’Église, 45730 Saint-Benoît-sur-Loire' },
          livraison: 'envoi_postal',
        }),
      ).outcome,
    ).toBe('granted');
  });
});

describe('the pieces that make a right (art. 30)', () => {
  const missing = (dem: Demandeur, kind: Kind = 'naissance') => {
    const d = decideDelivrance(demande({ typeActe: kind, demandeur: dem }));
    return d.outcome === 'incomplete' ? d.manquants.map((m) => `${m.champ} ${m.article}`) : d.outcome;
  };
  const A30 = 'art. 30 du décret n° 2017-890 du 6 mai 2017';
  it.each([
    ['a mandataire without the written mandate', { qualite: 'mandataire' }, [`mandat_ecrit ${A30}`]],
    [
      'a person holding an habilitation familiale without the ruling',
      { qualite: 'habilitation_familiale' },
      [`jugement_habilitation ${A30}`],
    ],
    [
      'an administration citing no text',
      { qualite: 'administration', texteInvoque: '   ' },
      [`texte_administration ${A30}`],
    ],
    [
      'a généalogiste without the archives’ authorisation',
      { qualite: 'genealogiste', mandatGenealogiste: true },
      [`autorisation_archives ${A30}`],
    ],
    [
      'a généalogiste without a mandate',
      { qualite: 'genealogiste', autorisationArchives: true },
      [`mandat_genealogiste ${A30}`],
    ],
    [
      'a généalogiste with neither',
      { qualite: 'genealogiste' },
      [`autorisation_archives ${A30}`, `mandat_genealogiste ${A30}`],
    ],
    ['an avocat who does not say for whom', { qualite: 'avocat' }, [`qualite_client ${A30}`]],
    [
      'an avocat whose client is an avocat',
      { qualite: 'avocat', client: { qualite: 'avocat' } },
      [`qualite_client ${A30}`],
    ],
    [
      'an avocat whose client is a mandataire without mandate',
      { qualite: 'avocat', client: { qualite: 'mandataire' } },
      [`mandat_ecrit ${A30}`],
    ],
  ] as [string, Demandeur, string[]][])('%s → incomplete', (_, dem, expected) => {
    expect(missing(dem)).toEqual(expected);
  });
  it('the same requester asking for a death act needs nothing: anyone may have it', () => {
    expect(missing({ qualite: 'mandataire' }, 'deces')).toBe('granted');
  });
});
