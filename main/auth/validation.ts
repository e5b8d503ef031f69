/** What an account must look like: the login, a password a person can remember (ANSSI), the confirmation. */
import { z } from 'zod';
import { trimmed } from '../kernel';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/i;
export const loginSchema = z.string({ error: 'Identifiant : champ obligatoire.' }).trim().regex(LOGIN_PATTERN, {
  error: 'Identifiant : 3 à 40 lettres sans accent, chiffres, points ou tirets (par exemple « m.dupont »).',
});

/** A password a person can remember and an attacker cannot guess quickly: length beats complexity (ANSSI). */
export const newPasswordSchema = z
  .string({ error: 'Mot de passe : champ obligatoire.' })
  .min(10, { error: 'Mot de passe : 10 caractères au moins ; une courte phrase est plus facile à retenir.' })
  .max(200, { error: 'Mot de passe : 200 caractères au plus.' })
  .refine((p) => new Set(p).size >= 5, { error: 'Mot de passe : trop répétitif, choisissez-en un autre.' });

export const accountSchema = z
  .object({
    login: loginSchema,
    display_name: trimmed('Nom affiché', 80),
    password: newPasswordSchema,
    password_confirm: z.string(),
  })
  .refine((a) => a.password === a.password_confirm, {
    path: ['password_confirm'],
    error: 'Confirmation : les deux mots de passe ne sont pas identiques.',
  });
