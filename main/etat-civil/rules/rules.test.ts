import { DATE_IN_WORDS, MONTH_WORD } from '../../../test-support/dates';
import { addYears, isJourFerie } from './dates';
import { article49Deadline, avisSortantTodo, isOverdue, nextReminder, recepisseKeptUntil } from './deadlines';
import { mentionsRequired, missingForSaisi, slotAllowed, type ActContent } from './kinds';
import { MentionError, mentionText, NATURES, type MentionFields } from './mentions';
import { fold, frenchCompare, ftsMatch, parseSearch } from './search-query';

describe('article 49: the 3 days', () => {
  it('does not count the day of the act and ends on the 3rd day (Monday → Thursday)', () => {
    expect(article49Deadline('2026-11-23')).toBe('2026-11-26');
  });
  it('moves a deadline ending on a Sunday to the Monday', () => {
    expect(article49Deadline('2026-11-26')).toBe('2026-11-30');
  });
  it('a Friday act ends on the Monday (a working day)', () => {
    expect(article49Deadline('2026-11-27')).toBe('2026-11-30');
  });
  it('moves past fixed and movable jours fériés (11 novembre, lundi de Pâques, Ascension)', () => {
    expect(article49Deadline('2026-11-08')).toBe('2026-11-12');
    expect(article49Deadline('2026-04-03')).toBe('2026-04-07');
    expect(article49Deadline('2026-05-11')).toBe('2026-05-15');
    expect(isJourFerie('2026-05-25')).toBe(true); // lundi de Pentecôte
    expect(isJourFerie('2026-05-26')).toBe(false);
  });
  it('the deadline day itself is still in time', () => {
    expect(isOverdue('2026-11-26', '2026-11-26')).toBe(false);
    expect(isOverdue('2026-11-26', '2026-11-27')).toBe(true);
    expect(isOverdue(null, '2026-11-27')).toBe(false);
  });
});

describe('avis de mention: récépissé, reminders, 10 years', () => {
  it('is due to be sent within the 3 days, then waits 60 days for its récépissé, then reminds every 30 days', () => {
    expect(
      avisSortantTodo({ echeance: '2026-11-26', envoye_le: null, recepisse_le: null, derniere_relance_le: null }),
    ).toMatchObject({ due: '2026-11-26', ref: 'C. civ. art. 49' });
    expect(nextReminder('2026-11-24', null)).toBe('2027-01-23');
    expect(nextReminder('2026-11-24', '2027-01-25')).toBe('2027-02-24');
    expect(
      avisSortantTodo({
        echeance: '2026-11-26',
        envoye_le: '2026-11-24',
        recepisse_le: '2026-12-01',
        derniere_relance_le: null,
      }),
    ).toBeNull();
  });
  it('keeps a récépissé ten years, 29 February included', () => {
    expect(recepisseKeptUntil('2026-12-01')).toBe('2036-12-01');
    expect(addYears('2028-02-29', 10)).toBe('2038-02-28');
  });
});

const naissance = (over: Partial<ActContent> = {}): ActContent => ({
  type: 'naissance',
  date_evenement: '2026-11-20',
  heure_evenement: '08:15',
  lieu_evenement: 'Orléans (Loiret)',
  personnes: [{ role: 'titulaire', rang: 1, nom: 'Martin', prenoms: 'Léa', sexe: 'F' }],
  ...over,
});

describe('kinds and their fields', () => {
  it('a birth needs the hour (C. civ. art. 57), parents optional but complete when given', () => {
    expect(missingForSaisi(naissance())).toEqual([]);
    expect(missingForSaisi(naissance({ heure_evenement: null }))).toEqual(['Heure de l’événement (C. civ. art. 57)']);
    const withParent = naissance({
      personnes: [...naissance().personnes, { role: 'parent', rang: 1, nom: 'Martin', prenoms: 'Paul' }],
    });
    expect(missingForSaisi(withParent)).toEqual([
      'Parent 1 : date de naissance, lieu de naissance, profession, domicile (C. civ. art. 57)',
    ]);
  });
  it('a death needs the déclarant and the deceased in full (C. civ. art. 79)', () => {
    const m = missingForSaisi({
      type: 'deces',
      date_evenement: '2026-11-20',
      heure_evenement: '03:00',
      lieu_evenement: 'Tours',
      personnes: [{ role: 'titulaire', rang: 1, nom: 'Roux', prenoms: 'Jean', sexe: 'M' }],
    });
    expect(m).toContain('Déclarant : absent (C. civ. art. 79)');
    expect(m).toContain(
      'Personne décédée : date de naissance, lieu de naissance, profession, domicile (C. civ. art. 79)',
    );
  });
  it('a marriage needs both spouses and two témoins, no hour (C. civ. art. 76)', () => {
    const m = missingForSaisi({
      type: 'mariage',
      date_evenement: '2026-06-13',
      heure_evenement: null,
      lieu_evenement: 'mairie',
      personnes: [],
    });
    expect(m).toEqual([
      'Époux 1 : absent (C. civ. art. 76)',
      'Époux 2 : absent (C. civ. art. 76)',
      'Témoin 1 : absent (C. civ. art. 76)',
      'Témoin 2 : absent (C. civ. art. 76)',
    ]);
  });
  it('refuses a person slot the kind does not have', () => {
    expect(slotAllowed('naissance', 'temoin', 1)).toBe(false);
    expect(slotAllowed('mariage', 'titulaire', 2)).toBe(true);
    expect(slotAllowed('deces', 'titulaire', 2)).toBe(false);
  });
  it('lists the mentions an act requires elsewhere (art. 49, 62, 76, 79)', () => {
    expect(mentionsRequired('mariage')).toHaveLength(2);
    expect(mentionsRequired('transcription_deces')).toEqual([{ nature: 'deces', titulaireRang: 1 }]);
    expect(mentionsRequired('naissance')).toEqual([]);
  });
});

describe('mention wordings (circulaire du 26 août 2020)', () => {
  it('marriage, with agreement and the spouse in capitals', () => {
    expect(
      mentionText({
        nature: 'mariage',
        date: '2021-06-01',
        lieu: 'Orléans (Loiret)',
        sexe: 'F',
        autre: { prenoms: 'Pierre Jean', nom: 'Martin' },
      }),
    ).toBe('Mariée à Orléans (Loiret) le 01/06/2021 avec Pierre Jean MARTIN.');
  });
  it('death, divorce by judgment and by notarial deposit with CRPCEN', () => {
    expect(mentionText({ nature: 'deces', date: '2026-11-20', lieu: 'Tours (Indre-et-Loire)', sexe: 'M' })).toBe(
      'Décédé à Tours (Indre-et-Loire) le 20/11/2026.',
    );
    expect(
      mentionText({
        nature: 'divorce',
        date: '2024-03-05',
        sexe: 'M',
        autre: { prenoms: 'Anne', nom: 'Roux' },
        autorite: { kind: 'tribunal', nom: 'tribunal judiciaire de Blois' },
      }),
    ).toBe('Divorcé de Anne ROUX par jugement du tribunal judiciaire de Blois du 05/03/2024.');
    expect(
      mentionText({
        nature: 'divorce',
        date: '2024-03-05',
        sexe: 'F',
        autre: { prenoms: 'Luc', nom: 'Roux' },
        autorite: { kind: 'notaire', nom: 'Claire Dubois', office: 'Gien', crpcen: '45012' },
      }),
    ).toBe(
      'Divorcée de Luc ROUX par convention déposée au rang des minutes de Maître Claire Dubois, notaire à Gien (CRPCEN 45012) le 05/03/2024.',
    );
  });
  it('PACS registered by an officier, reconnaissance, RC', () => {
    expect(
      mentionText({
        nature: 'pacs',
        date: '2025-02-14',
        autre: { prenoms: 'Sam', nom: 'Petit' },
        autorite: { kind: 'officier', commune: 'Gien' },
      }),
    ).toBe(
      'Pacte civil de solidarité conclu avec Sam PETIT, enregistré le 14/02/2025 par l’officier de l’état civil de Gien.',
    );
    expect(
      mentionText({
        nature: 'reconnaissance',
        date: '2026-11-23',
        lieu: 'Saint-Benoît-sur-Loire',
        sexe: 'F',
        autre: { prenoms: 'Paul', nom: 'Martin' },
      }),
    ).toBe('Reconnue par Paul MARTIN à Saint-Benoît-sur-Loire le 23/11/2026.');
    expect(mentionText({ nature: 'repertoire_civil', date: '2026-01-10', objet: '2026/123' })).toBe(
      'RC n° 2026/123 (10/01/2026).',
    );
  });
  it('refuses a missing field or a bad CRPCEN in French', () => {
    expect(() => mentionText({ nature: 'mariage', date: '2021-06-01', lieu: 'Gien' })).toThrow(
      new MentionError('Mariage : conjoint manquant(e).'),
    );
    expect(() => mentionText({ nature: 'pacs', date: '2021-06-01', autre: { prenoms: 'A', nom: 'B' } })).toThrow(
      /C\. civ\. art\. 515-3/,
    );
    expect(() =>
      mentionText({
        nature: 'divorce',
        date: '2021-06-01',
        autre: { prenoms: 'A', nom: 'B' },
        autorite: { kind: 'notaire', nom: 'X', office: 'Y', crpcen: '12' },
      }),
    ).toThrow(/CRPCEN/);
  });
  it('writes the date of every nature jj/mm/aaaa, never a month in words (product rule, kernel dateCourte)', () => {
    const full: Omit<MentionFields, 'nature'> = {
      date: '2026-08-01',
      lieu: 'Gien (Loiret)',
      sexe: 'F',
      autre: { prenoms: 'Paul', nom: 'Martin' },
      autorite: { kind: 'officier', commune: 'Gien' },
      objet: 'Acquisition de la nationalité française',
    };
    for (const nature of NATURES) {
      const text = mentionText({ nature, ...full });
      expect(text, nature).toContain('01/08/2026');
      expect(text, nature).not.toMatch(MONTH_WORD);
      expect(text, nature).not.toMatch(DATE_IN_WORDS);
    }
  });
});

describe('search field', () => {
  it('folds accents and case like the FTS5 tokenizer', () => {
    expect(fold('LEFÈVRE Éloïse')).toBe('lefevre eloise');
  });
  it('splits names into prefix terms, years into a range, kind words into filters', () => {
    expect(parseSearch('Lefèvre  élo 1987')).toEqual({ terms: ['lefevre', 'elo'], from: 1987, to: 1987, kinds: [] });
    expect(parseSearch('martin 1980-1990 décès')).toEqual({
      terms: ['martin'],
      from: 1980,
      to: 1990,
      kinds: ['deces'],
    });
    expect(parseSearch('1990 - 1980 enfant sans vie')).toEqual({
      terms: ['enfant'],
      from: 1980,
      to: 1990,
      kinds: ['enfant_sans_vie'],
    });
    expect(parseSearch("d'Arc Martin-Dupont")).toEqual({
      terms: ['d', 'arc', 'martin', 'dupont'],
      from: null,
      to: null,
      kinds: [],
    });
  });
  it('never lets FTS syntax through', () => {
    expect(ftsMatch(['lef', 'a"b', 'or*'])).toBe('"lef"* AND "ab"* AND "or"*');
  });
  it('sorts in French order: accents secondary, case ignored', () => {
    expect(['Éric', 'Zoé', 'eric', 'Ève', 'Emma'].sort(frenchCompare)).toEqual(['Emma', 'eric', 'Éric', 'Ève', 'Zoé']);
  });
});
