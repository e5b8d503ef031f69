/**
 * « Who may obtain what », the edges: the day the 75 years are reached, the 25-years-after-death variant,
 * e-mail, the person herself minor or of age, the avocat for an entitled or a non-entitled client, and the
 * French of the answers. Expected values written by hand from the texts (domain-rules §2.2, §2.3).
 */
import {
  decideDelivrance,
  qualiteLabel,
  QUALITE_LABELS,
  QUALITES,
  type DemandeDelivrance,
  type Demandeur,
} from './delivrance';

const ACTE = {
  nom: 'Chevalier',
  prenoms: 'Noël',
  dateNaissance: '1951-03-04',
  lieuNaissance: 'Sully-sur-Loire',
  parent1Nom: 'Chevalier',
  parent1Prenoms: 'Louis',
  parent2Nom: 'Roux',
  parent2Prenoms: 'Marthe',
  dateEvenement: '1975-05-10',
  lieuEvenement: 'Sully-sur-Loire',
};
const demande = (p: Partial<DemandeDelivrance> & { demandeur: Demandeur }): DemandeDelivrance => ({
  canal: 'courrier',
  typeActe: 'naissance',
  document: 'copie_integrale',
  livraison: 'remise_guichet',
  acte: ACTE,
  registre: { registreAnnee: 1951, registreClosLe: '1951-11-23' },
  today: '2026-11-23',
  ...p,
});
const tiers: Demandeur = { qualite: 'tiers', civilite: 'M.' };

describe('75 years after the register’s closing (L213-2 I 4° e)', () => {
  it('the day before: refused, saying from which day it will be communicable', () => {
    const d = decideDelivrance(demande({ demandeur: tiers, today: '2026-11-22' }));
    expect(d.outcome).toBe('refused');
    expect(d.motif).toContain(
      'Le registre ne sera communicable à toute personne qu’à partir du 23/11/2026, 75 ans après sa clôture (art. L213-2 I 4° e du code du patrimoine).',
    );
  });
  it('the day itself: a non-certified copy « à titre de simple renseignement »', () => {
    const d = decideDelivrance(demande({ demandeur: tiers, today: '2026-11-23' }));
    expect(d).toMatchObject({
      outcome: 'granted',
      certifiee: false,
      simpleRenseignement: true,
      aConfirmer: null,
      articles: ['art. L213-2 I 4° e du code du patrimoine'],
    });
    expect(d.motif).toContain(
      'Le registre, clos le 23/11/1951, est communicable à toute personne depuis le 23/11/2026',
    );
    expect(d.motif).toContain('à titre de simple renseignement');
  });
  it('an entitled requester still gets a certified copy of an old act', () => {
    expect(decideDelivrance(demande({ demandeur: { qualite: 'descendant' } }))).toMatchObject({
      outcome: 'granted',
      certifiee: true,
      simpleRenseignement: false,
    });
  });
  it('a closing date not recorded counts from 31 December of the register’s year (never earlier than the real one)', () => {
    const r = { registreAnnee: 1951, registreClosLe: null };
    expect(decideDelivrance(demande({ demandeur: tiers, registre: r, today: '2026-12-30' })).outcome).toBe('refused');
    expect(decideDelivrance(demande({ demandeur: tiers, registre: r, today: '2026-12-31' })).outcome).toBe('granted');
  });
  it('a register closed on 29 February reaches its 75 years on 28 February of a common year', () => {
    const r = { registreAnnee: 1948, registreClosLe: '1948-02-29' };
    expect(decideDelivrance(demande({ demandeur: tiers, registre: r, today: '2023-02-27' })).outcome).toBe('refused');
    expect(decideDelivrance(demande({ demandeur: tiers, registre: r, today: '2023-02-28' })).outcome).toBe('granted');
  });
  it('an act only described, not found in the registers, is never communicable by the 75 years', () => {
    const d = decideDelivrance(demande({ demandeur: tiers, registre: null, today: '2090-01-01' }));
    expect(d.outcome).toBe('refused');
  });
  it('the extrait plurilingue stays reserved to those entitled to the copie intégrale (CIEC art. 1), extrait sans filiation offered', () => {
    const d = decideDelivrance(demande({ document: 'extrait_plurilingue', demandeur: tiers }));
    expect(d.outcome).toBe('refused');
    expect(d.motif).toContain('art. 1 de la Convention CIEC n° 16');
    expect(d.outcome === 'refused' && d.proposer.map((p) => [p.document, p.simpleRenseignement])).toEqual([
      ['extrait_sans_filiation', false],
      ['copie_integrale', true],
    ]);
  });
});

describe('25 years after the death (flagged « à confirmer », domain-rules §2.3)', () => {
  const r = (deces: string) => ({ registreAnnee: 1980, registreClosLe: '1980-12-30', dateDecesTitulaire: deces });
  it('25 years to the day after the death: a non-certified copy, with the flag for the screen', () => {
    const d = decideDelivrance(demande({ demandeur: tiers, registre: r('2001-11-23') }));
    expect(d).toMatchObject({
      outcome: 'granted',
      certifiee: false,
      simpleRenseignement: true,
      aConfirmer: expect.stringContaining('reste à confirmer'),
    });
    expect(d.motif).toContain('décédée le 23/11/2001, il y a plus de 25 ans');
  });
  it('the day before: refused', () => {
    expect(decideDelivrance(demande({ demandeur: tiers, registre: r('2001-11-24') })).outcome).toBe('refused');
  });
  it('an entitled requester is not affected by the flag', () => {
    expect(decideDelivrance(demande({ demandeur: { qualite: 'ascendant' }, registre: r('1990-01-01') }))).toMatchObject(
      { outcome: 'granted', certifiee: true, aConfirmer: null },
    );
  });
});

describe('never by e-mail (art. 27; IGREC n° 72-1)', () => {
  it('an entitled requester asking for e-mail delivery: refused with the explanation, guichet and post offered', () => {
    const d = decideDelivrance(demande({ demandeur: { qualite: 'descendant' }, livraison: 'courriel' }));
    expect(d).toMatchObject({
      outcome: 'refused',
      articles: ['art. 27 du décret n° 2017-890 du 6 mai 2017 ; IGREC n° 72-1'],
    });
    expect(d.motif).toMatch(/ne peut pas être envoyé par courriel.*aucune valeur authentique.*IGREC n° 72-1/);
    expect(d.outcome === 'refused' && d.proposer.map((p) => p.livraison)).toEqual(['remise_guichet', 'envoi_postal']);
  });
  it('even an extrait sans filiation, which anyone may have, is not sent by e-mail', () => {
    expect(
      decideDelivrance(demande({ document: 'extrait_sans_filiation', demandeur: tiers, livraison: 'courriel' }))
        .outcome,
    ).toBe('refused');
  });
  it('a tiers asking by e-mail for a copie intégrale: refused on the right, the e-mail rule added as a note', () => {
    const d = decideDelivrance(
      demande({
        demandeur: tiers,
        registre: { registreAnnee: 2000, registreClosLe: '2000-12-29' },
        livraison: 'courriel',
      }),
    );
    expect(d.outcome).toBe('refused');
    expect(d.motif).toMatch(/^Copie intégrale refusée/);
    expect(d.avertissements.join(' ')).toContain('IGREC n° 72-1');
  });
  it('a request received by e-mail is treated as a written request, answered by post or at the guichet (art. 29 noted)', () => {
    const d = decideDelivrance(
      demande({
        canal: 'courriel',
        demandeur: { qualite: 'descendant', adressePostale: '1 place du Martroi, 45000 Orléans' },
        livraison: 'envoi_postal',
      }),
    );
    expect(d.outcome).toBe('granted');
    expect(d.avertissements).toEqual([expect.stringContaining('art. 29 du décret n° 2017-890')]);
  });
});

describe('the person herself (art. 30: « si elle est majeure ou émancipée »)', () => {
  it('of age: granted, agreed in the feminine', () => {
    const d = decideDelivrance(
      demande({
        demandeur: { qualite: 'personne_elle_meme', civilite: 'Mme', majeurOuEmancipe: true },
        registre: { registreAnnee: 2000, registreClosLe: '2000-12-29' },
      }),
    );
    expect(d.motif).toBe(
      'Copie intégrale accordée : la demandeuse est la personne que l’acte concerne, majeure ou émancipée (art. 30 du décret n° 2017-890 du 6 mai 2017).',
    );
  });
  it('a minor not emancipated: refused, the extrait sans filiation offered, the representative named', () => {
    const d = decideDelivrance(
      demande({
        demandeur: { qualite: 'personne_elle_meme', majeurOuEmancipe: false },
        acte: { ...ACTE, dateNaissance: '2012-01-01' },
        registre: { registreAnnee: 2012, registreClosLe: '2012-12-28' },
      }),
    );
    expect(d.outcome).toBe('refused');
    expect(d.motif).toContain('que si elle est majeure ou émancipée ; son représentant légal peut en faire la demande');
    expect(d.outcome === 'refused' && d.proposer.map((p) => p.document)).toEqual(['extrait_sans_filiation']);
    expect(d.outcome === 'refused' && d.recours).toContain('procureur de la République');
  });
  it('majority not stated: settled by the birth date given (18 years reached the day itself), asked otherwise', () => {
    const at = (born: string) =>
      decideDelivrance(
        demande({
          demandeur: { qualite: 'personne_elle_meme' },
          acte: { ...ACTE, dateNaissance: born },
          registre: { registreAnnee: 2008, registreClosLe: '2008-12-30' },
        }),
      );
    expect(at('2008-11-23').outcome).toBe('granted');
    expect(at('2008-11-24')).toMatchObject({ outcome: 'incomplete', manquants: [{ champ: 'majorite' }] });
  });
});

describe('the avocat (art. 30: for a client who is entitled)', () => {
  const recent = { registreAnnee: 2000, registreClosLe: '2000-12-29' };
  it('for a descendant: granted, the client’s quality carried in the reason', () => {
    const d = decideDelivrance(
      demande({
        registre: recent,
        demandeur: { qualite: 'avocat', civilite: 'Mme', client: { qualite: 'descendant', civilite: 'M.' } },
      }),
    );
    expect(d.motif).toBe(
      'Copie intégrale accordée : la demandeuse est une avocate agissant pour un client qui y a droit (descendant) (art. 30 du décret n° 2017-890 du 6 mai 2017).',
    );
  });
  it('for a tiers: refused, extrait sans filiation offered', () => {
    const d = decideDelivrance(
      demande({ registre: recent, demandeur: { qualite: 'avocat', client: { qualite: 'tiers' } } }),
    );
    expect(d.outcome).toBe('refused');
    expect(d.motif).toContain('dont le client (tiers) n’y a pas droit : le client n’a pas de lien');
  });
  it('for an heir: a reconnaissance yes, a birth no', () => {
    const heir: Demandeur = { qualite: 'avocat', client: { qualite: 'heritier' } };
    const acte = { ...ACTE, declarantNom: 'Chevalier', declarantPrenoms: 'Louis' };
    expect(
      decideDelivrance(demande({ typeActe: 'reconnaissance', registre: recent, acte, demandeur: heir })).outcome,
    ).toBe('granted');
    expect(decideDelivrance(demande({ typeActe: 'naissance', registre: recent, acte, demandeur: heir })).outcome).toBe(
      'refused',
    );
  });
});

describe('the French of the answers', () => {
  it('agrees the qualities with the civilité, and labels carry no « (s) »', () => {
    expect(qualiteLabel('heritier', 'Mme')).toBe('héritière');
    expect(qualiteLabel('representant_legal', 'Mme')).toBe('représentante légale');
    expect(qualiteLabel('notaire', 'Mme')).toBe('notaire');
    expect(qualiteLabel('descendant', null)).toBe('descendant');
    expect(qualiteLabel('officier_etat_civil', 'Mme')).toBe('officière de l’état civil');
    for (const q of QUALITES)
      expect(`${QUALITE_LABELS[q]} ${qualiteLabel(q, 'Mme')} ${qualiteLabel(q, 'M.')}`).not.toMatch(/\((s|e|es)\)/);
  });
  it('says « Extrait … accordé » and « Copie … accordée »', () => {
    expect(decideDelivrance(demande({ document: 'extrait_sans_filiation', demandeur: tiers })).motif).toMatch(
      /^Extrait sans filiation accordé : cet extrait est délivré à toute personne, sans justification \(art\. 33 du décret n° 2017-890 du 6 mai 2017\)\.$/,
    );
  });
  it('a document that does not exist for the act: refused, the copie intégrale offered', () => {
    const d = decideDelivrance(demande({ typeActe: 'deces', document: 'extrait_avec_filiation', demandeur: tiers }));
    expect(d.outcome === 'refused' && d.proposer.map((p) => p.document)).toEqual([
      'copie_integrale',
      'extrait_plurilingue',
    ]);
  });
});

describe('an input that cannot be decided on throws, never grants', () => {
  it.each([
    [
      'a closing date in French format',
      { registre: { registreAnnee: 1951, registreClosLe: '23/11/1951' } },
      /clôture du registre/,
    ],
    [
      'a death date not ISO',
      { registre: { registreAnnee: 1980, registreClosLe: null, dateDecesTitulaire: '2001' } },
      /date de décès/,
    ],
    ['today not ISO', { today: '23/11/2026' }, /date du jour/],
    ['an unknown act kind', { typeActe: 'bapteme' }, /type d’acte inconnu/],
    ['an unknown document', { document: 'fiche_familiale' }, /document inconnu/],
    ['an unknown delivery', { livraison: 'fax' }, /mode de remise inconnu/],
  ] as [string, Partial<DemandeDelivrance>, RegExp][])('%s', (_, over, message) => {
    expect(() => decideDelivrance(demande({ demandeur: tiers, ...over }))).toThrow(message);
  });
  it('an unknown quality, also as an avocat’s client', () => {
    expect(() => decideDelivrance(demande({ demandeur: { qualite: 'cousin' as never } }))).toThrow(/qualité inconnue/);
    expect(() =>
      decideDelivrance(demande({ demandeur: { qualite: 'avocat', client: { qualite: 'cousin' as never } } })),
    ).toThrow(/qualité du client inconnue/);
  });
});
