import { z } from 'zod';
import { isoDate, trimmed } from '../kernel';

/** SIREN: 9 digits whose Luhn sum is a multiple of 10 (INSEE, répertoire SIRENE). */
export function isValidSiren(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(siren[8 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Code officiel géographique (INSEE): 5 characters; Corsica uses 2A/2B, overseas départements 971–976 use
 * three digits for the département.
 */
export const INSEE_PATTERN = /^(?:\d{5}|2[AB]\d{3})$/;

export function departementFromInsee(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

export const codeInsee = z
  .string({ error: 'Code INSEE : champ obligatoire.' })
  .trim()
  .toUpperCase()
  .regex(INSEE_PATTERN, {
    error:
      'Code INSEE : 5 caractères, des chiffres (ou 2A / 2B pour la Corse), par exemple 45123. Ce n’est pas le code postal.',
  });

export const siren = z
  .string({ error: 'SIREN : champ obligatoire.' })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{9}$/, { error: 'SIREN : 9 chiffres, par exemple 214 501 234.' })
      .refine(isValidSiren, {
        error:
          'SIREN : ce numéro est invalide (sa clé de contrôle ne correspond pas) ; vérifiez-le sur un avis de situation SIRENE.',
      })
      .refine((s) => s.startsWith('21'), { error: 'SIREN : celui d’une commune commence par 21.' }),
  );

const frenchPhone = z
  .string({ error: 'Téléphone : champ obligatoire.' })
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(
    z.string().regex(/^(?:0[1-9]\d{8}|\+33[1-9]\d{8}|\+262\d{9}|\+590\d{9}|\+594\d{9}|\+596\d{9})$/, {
      error: 'Téléphone : 10 chiffres, par exemple 02 38 12 34 56.',
    }),
  );

export const email = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .pipe(z.email({ error: `${label} : adresse e-mail invalide, par exemple mairie@commune.fr.` }));

export const communeIdentitySchema = z
  .object({
    nom: trimmed('Nom de la commune', 100),
    code_insee: codeInsee,
    siren,
    departement: z
      .string({ error: 'Département : champ obligatoire.' })
      .trim()
      .toUpperCase()
      .regex(/^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
        error: 'Département : numéro invalide (01 à 95, 2A, 2B, 971 à 976).',
      }),
    arrondissement: z
      .string({ error: 'Arrondissement : champ obligatoire.' })
      .trim()
      .regex(/^[1-9]$/, {
        error: "Arrondissement : un chiffre de 1 à 9 (numéro de l'arrondissement dans le département).",
      }),
    adresse: trimmed('Adresse de la mairie', 200),
    code_postal: z
      .string({ error: 'Code postal : champ obligatoire.' })
      .trim()
      .regex(/^\d{5}$/, { error: 'Code postal : 5 chiffres.' }),
    telephone: frenchPhone,
    email: email('E-mail de la mairie'),
    population: z.coerce
      .number({ error: 'Population : un nombre d’habitants.' })
      .int({ error: 'Population : un nombre entier.' })
      .min(1, { error: 'Population : au moins 1 habitant.' })
      .max(3_000_000, { error: 'Population : nombre trop grand.' }),
  })
  .superRefine((c, ctx) => {
    if (INSEE_PATTERN.test(c.code_insee) && departementFromInsee(c.code_insee) !== c.departement) {
      ctx.addIssue({
        code: 'custom',
        path: ['departement'],
        message: `Département : le code INSEE ${c.code_insee} est celui d’une commune du département ${departementFromInsee(c.code_insee)}.`,
      });
    }
  });
export type CommuneIdentity = z.infer<typeof communeIdentitySchema>;

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export const openingSlotSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  period: z.enum(['matin', 'apres-midi']),
});
export const openingSlotsSchema = z
  .array(openingSlotSchema)
  .min(1, { error: 'Indiquez au moins une demi-journée d’ouverture de la mairie.' })
  .max(14)
  .refine((s) => new Set(s.map((x) => `${x.weekday}-${x.period}`)).size === s.length, {
    error: 'Une demi-journée est indiquée deux fois.',
  });
export type OpeningSlot = z.infer<typeof openingSlotSchema>;

export const eluSchema = z
  .object({
    civilite: z.enum(['M.', 'Mme'], { error: 'Civilité : M. ou Mme.' }),
    nom: trimmed('Nom', 80),
    prenom: trimmed('Prénom', 80),
    date_naissance: isoDate('Date de naissance').nullable().optional(),
    fonction: z.enum(['maire', 'adjoint', 'conseiller'], { error: 'Fonction : maire, adjoint ou conseiller.' }),
    rang_adjoint: z.number().int().min(1, { error: 'Rang : 1er adjoint, 2e adjoint…' }).max(30).nullable().optional(),
    mandat_debut: isoDate('Début du mandat'),
    mandat_fin: isoDate('Fin du mandat').nullable().optional(),
    email: email('E-mail')
      .nullable()
      .optional()
      .or(z.literal('').transform(() => null)),
  })
  .superRefine((e, ctx) => {
    if (e.mandat_fin && e.mandat_fin < e.mandat_debut)
      ctx.addIssue({
        code: 'custom',
        path: ['mandat_fin'],
        message: 'Fin du mandat : elle doit suivre le début du mandat.',
      });
    if (e.fonction === 'adjoint' && !e.rang_adjoint)
      ctx.addIssue({
        code: 'custom',
        path: ['rang_adjoint'],
        message: 'Rang : indiquez le rang de l’adjoint (1er, 2e…).',
      });
    if (e.date_naissance && e.date_naissance >= e.mandat_debut)
      ctx.addIssue({
        code: 'custom',
        path: ['date_naissance'],
        message: 'Date de naissance : elle doit précéder le début du mandat.',
      });
  })
  .transform((e) => ({ ...e, rang_adjoint: e.fonction === 'adjoint' ? (e.rang_adjoint ?? null) : null }));
export type EluInput = z.infer<typeof eluSchema>;

const inOffice = (e: EluInput, day: string) => e.mandat_debut <= day && (!e.mandat_fin || e.mandat_fin >= day);

/** The council as a whole: one maire in office, distinct ranks for the adjoints in office (CGCT L2122-1, L2122-10). */
export const conseilSchema = (today: string) =>
  z
    .array(eluSchema)
    .min(1, { error: 'Indiquez au moins le maire.' })
    .max(69)
    .superRefine((elus, ctx) => {
      const current = elus.filter((e) => inOffice(e, today));
      const maires = current.filter((e) => e.fonction === 'maire');
      if (maires.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: [],
          message:
            maires.length === 0
              ? 'Le conseil doit compter un maire en fonction aujourd’hui (art. L2122-1 CGCT).'
              : 'Il ne peut y avoir qu’un maire en fonction à la fois (art. L2122-1 CGCT).',
        });
      const ranks = new Map<number, number>();
      elus.forEach((e, i) => {
        if (!inOffice(e, today) || e.rang_adjoint == null) return;
        if (ranks.has(e.rang_adjoint))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'rang_adjoint'],
            message: `Rang : deux adjoints en fonction ont le rang ${e.rang_adjoint}.`,
          });
        ranks.set(e.rang_adjoint, i);
      });
    });
