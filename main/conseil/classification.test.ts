import fs from 'node:fs';
import path from 'node:path';
import { bundledClassification, checkMatiere, flattenMatieres, parseClassification } from './classification';

describe('ACTES classification', () => {
  it('parses the reference classification (ISO-8859-1) with natures, typed pieces and matières', () => {
    const file = path.join(__dirname, '../../../shared/reference/actes/samples/classification-exemple.xml');
    const c = fs.existsSync(file) ? parseClassification(fs.readFileSync(file)) : bundledClassification();
    expect(c.date).toBe('2019-03-01');
    const de = c.natures.find((n) => n.abrege === 'DE')!;
    expect(de).toMatchObject({ code: '1', libelle: 'Délibérations' });
    expect(de.typesPJ.map((t) => t.code)).toContain('99_DE');
    expect(de.typesPJ.find((t) => t.code === '23_DE')?.libelle).toMatch(/mise en œuvre du droit de préemption/);
    const flat = flattenMatieres(c);
    expect(flat.find((m) => m.code === '1.1')?.libelle).toBe('Marchés publics');
    expect(flat.find((m) => m.code === '1.1.2')?.chemin).toMatch(/^Commande publique › Marchés publics › Pièces/);
    expect(flat.find((m) => m.code === '7.1')).toBeDefined();
  });
  it('prints the national levels with their accents, deeper levels with the préfecture label', () => {
    // The préfecture serves « Decisions budgetaires », « Designation de representants » (no accents).
    const c = bundledClassification();
    const flat = flattenMatieres(c);
    expect(c.matieres.find((m) => m.code === '7')?.children.find((m) => m.code === '7.1')?.libelle).toBe(
      'Decisions budgetaires',
    );
    expect(flat.find((m) => m.code === '7.1')?.chemin).toBe('Finances locales › Décisions budgétaires');
    expect(flat.find((m) => m.code === '5.3')?.libelle).toBe('Désignation de représentants');
    expect(flat.find((m) => m.code === '9.4')?.libelle).toBe('Vœux et motions');
    const deep = flat.find((m) => m.code.split('.').length === 3)!;
    const raw = c.matieres
      .flatMap((m) => m.children)
      .flatMap((m) => m.children)
      .find((m) => m.code === deep.code)!;
    expect(deep.libelle).toBe(raw.libelle);
  });
  it('refuses an unknown matière and a top-level one', () => {
    const c = bundledClassification();
    expect(checkMatiere(c, '7.1')).toBeNull();
    expect(checkMatiere(c, '42.1')).toMatch(/inconnue/);
    expect(checkMatiere(c, '7')).toMatch(/sous-matière/);
  });
  it('refuses a file that is not a classification', () => {
    expect(() => parseClassification(Buffer.from('<?xml version="1.0"?><autre/>'))).toThrow(/RetourClassification/);
  });
});
