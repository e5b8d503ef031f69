import { parseOrThrow } from '../kernel/validate';
import { AppError } from '../kernel/errors';
import { validElus, validIdentity } from '../../test-support/helpers';
import { communeIdentitySchema, conseilSchema, departementFromInsee, eluSchema, isValidSiren } from './validation';
import { newPasswordSchema, accountSchema } from '../auth';

function fieldsOf(schema: Parameters<typeof parseOrThrow>[0], value: unknown): Record<string, string> {
  try {
    parseOrThrow(schema, value);
  } catch (e) {
    if (e instanceof AppError) return e.fields ?? {};
    throw e;
  }
  return {};
}

describe('SIREN', () => {
  it('accepts real commune SIRENs (Luhn key)', () => {
    expect(isValidSiren('214502494')).toBe(true); // Saint-Benoît-sur-Loire, in reference/actes
    expect(isValidSiren('211301106')).toBe(true); // example from the ACTES identifier doc
  });
  it('refuses a wrong key, wrong length, letters', () => {
    expect(isValidSiren('214502495')).toBe(false);
    expect(isValidSiren('21450249')).toBe(false);
    expect(isValidSiren('21450249A')).toBe(false);
  });
  it('says why in French, next to the field', () => {
    expect(fieldsOf(communeIdentitySchema, { ...validIdentity, siren: '214502495' }).siren).toMatch(/clé de contrôle/);
    expect(fieldsOf(communeIdentitySchema, { ...validIdentity, siren: '12345' }).siren).toMatch(/9 chiffres/);
    // a valid Luhn number that is not a commune's (SIREN of communes start with 21)
    expect(fieldsOf(communeIdentitySchema, { ...validIdentity, siren: '732829320' }).siren).toMatch(/commence par 21/);
  });
  it('accepts spaces as people type them', () => {
    expect(parseOrThrow(communeIdentitySchema, { ...validIdentity, siren: '214 502 494' }).siren).toBe('214502494');
  });
});

describe('INSEE code and département', () => {
  it('accepts Corsica and overseas codes', () => {
    expect(
      parseOrThrow(communeIdentitySchema, { ...validIdentity, code_insee: '2a004', departement: '2A' }).code_insee,
    ).toBe('2A004');
    expect(departementFromInsee('2B033')).toBe('2B');
    expect(departementFromInsee('97411')).toBe('974');
    expect(departementFromInsee('01001')).toBe('01');
  });
  it('refuses a postal code typed as INSEE code, and an incoherent département', () => {
    expect(fieldsOf(communeIdentitySchema, { ...validIdentity, code_insee: '4527' }).code_insee).toMatch(
      /5 caractères/,
    );
    expect(
      fieldsOf(communeIdentitySchema, { ...validIdentity, code_insee: '2C004', departement: '2C' }).code_insee,
    ).toBeDefined();
    expect(fieldsOf(communeIdentitySchema, { ...validIdentity, departement: '41' }).departement).toMatch(
      /département 45/,
    );
  });
  it('checks phone, e-mail, population', () => {
    const f = fieldsOf(communeIdentitySchema, { ...validIdentity, telephone: '12', email: 'mairie', population: 0 });
    expect(Object.keys(f).sort()).toEqual(['email', 'population', 'telephone']);
    expect(parseOrThrow(communeIdentitySchema, { ...validIdentity, telephone: '+33 2 38 35 70 00' }).telephone).toBe(
      '+33238357000',
    );
  });
});

describe('élus and the council', () => {
  const today = '2026-11-23';
  it('refuses a mandate that ends before it starts, a non-existent date, an adjoint without rank', () => {
    const f = fieldsOf(eluSchema, {
      civilite: 'M.',
      nom: 'A',
      prenom: 'B',
      fonction: 'adjoint',
      mandat_debut: '2026-03-28',
      mandat_fin: '2026-02-30',
    });
    expect(f.mandat_fin).toMatch(/n'existe pas/);
    expect(
      fieldsOf(eluSchema, { civilite: 'M.', nom: 'A', prenom: 'B', fonction: 'adjoint', mandat_debut: '2026-03-28' })
        .rang_adjoint,
    ).toBeDefined();
    expect(
      fieldsOf(eluSchema, {
        civilite: 'M.',
        nom: 'A',
        prenom: 'B',
        fonction: 'conseiller',
        mandat_debut: '2026-03-28',
        mandat_fin: '2020-01-01',
      }).mandat_fin,
    ).toMatch(/suivre le début/);
  });
  it('needs exactly one maire in office, citing L2122-1', () => {
    const noMaire = validElus.filter((e) => e.fonction !== 'maire');
    expect(fieldsOf(conseilSchema(today), noMaire)._).toMatch(/L2122-1/);
    const twoMaires = [...validElus, { ...validElus[1], prenom: 'Autre' }];
    expect(fieldsOf(conseilSchema(today), twoMaires)._).toMatch(/qu’un maire/);
    // the maire of the previous mandate is history, not a second maire
    expect(() => parseOrThrow(conseilSchema(today), validElus)).not.toThrow();
  });
  it('refuses two adjoints in office with the same rank', () => {
    const dup = [
      ...validElus,
      {
        civilite: 'Mme',
        nom: 'Zoé',
        prenom: 'Gaëlle',
        fonction: 'adjoint',
        rang_adjoint: 1,
        mandat_debut: '2026-03-28',
      },
    ];
    expect(fieldsOf(conseilSchema(today), dup)['4.rang_adjoint']).toMatch(/rang 1/);
  });
});

describe('accounts', () => {
  it('wants a long password and a matching confirmation', () => {
    expect(fieldsOf(newPasswordSchema, 'court')._).toMatch(/10 caractères/);
    expect(fieldsOf(newPasswordSchema, 'aaaaaaaaaaaa')._).toMatch(/répétitif/);
    const f = fieldsOf(accountSchema, {
      login: 'é',
      display_name: '',
      password: 'une phrase assez longue',
      password_confirm: 'autre',
    });
    expect(Object.keys(f).sort()).toEqual(['display_name', 'login', 'password_confirm']);
  });
});
