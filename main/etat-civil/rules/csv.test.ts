import { checkLine, guessMapping, parseCsv, parseDate } from './csv';

describe('CSV of tables décennales', () => {
  it('parses a French spreadsheet export (« ; », quotes, BOM, CRLF)', () => {
    expect(parseCsv('\uFEFFType;Nom;Prénoms\r\nN;"Le Goff; dit ""Jo""";Jean\r\n\r\n')).toEqual([
      ['Type', 'Nom', 'Prénoms'],
      ['N', 'Le Goff; dit "Jo"', 'Jean'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('guesses the mapping from the header', () => {
    expect(
      guessMapping(['Type', 'N°', 'Date de l’acte', 'Nom', 'Prénoms', 'Nom du conjoint', 'Prénoms du conjoint']),
    ).toEqual({ type: 0, numero: 1, date_acte: 2, nom: 3, prenoms: 4, nom_conjoint: 5, prenoms_conjoint: 6 });
  });
  it('reads dates strictly', () => {
    expect(parseDate('3/6/1987')).toBe('1987-06-03');
    expect(parseDate('1987-06-03')).toBe('1987-06-03');
    expect(parseDate('31/02/1987')).toBeNull();
    expect(parseDate('juin 1987')).toBeNull();
  });
  const m = { type: 0, numero: 1, date_acte: 2, nom: 3, prenoms: 4, nom_conjoint: 5, annee: 6 };
  it('accepts a good line and gives the reason of every refusal', () => {
    expect(checkLine(['D', '12', '03/06/1987', 'Roux', 'Jean', '', ''], m, null)).toMatchObject({
      row: { type: 'deces', numero: 12, annee: 1987, date_acte: '1987-06-03' },
    });
    expect(checkLine(['X', '12', '03/06/1987', 'Roux', 'Jean', '', ''], m, null)).toEqual({
      reason: 'type d’acte inconnu : « X »',
    });
    expect(checkLine(['N', '12', '31/02/1987', 'Roux', 'Jean', '', ''], m, null)).toEqual({
      reason: 'date de l’acte invalide : « 31/02/1987 » (attendu JJ/MM/AAAA)',
    });
    expect(checkLine(['N', 'douze', '03/06/1987', 'Roux', 'Jean', '', ''], m, null)).toEqual({
      reason: 'numéro d’acte invalide : « douze »',
    });
    expect(checkLine(['N', '12', '03/06/1987', '', 'Jean', '', ''], m, null)).toEqual({ reason: 'nom manquant' });
    expect(checkLine(['M', '12', '03/06/1987', 'Roux', 'Jean', '', ''], m, null)).toEqual({
      reason: 'mariage : nom du conjoint manquant',
    });
    expect(checkLine(['N', '12', '03/06/1987', 'Roux', 'Jean', '', '1986'], m, null)).toEqual({
      reason: 'l’année « 1986 » ne correspond pas à la date de l’acte',
    });
    expect(checkLine(['', '12', '03/06/1987', 'Roux', 'Jean', '', ''], m, 'naissance')).toMatchObject({
      row: { type: 'naissance' },
    });
  });
});
