import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../kernel';
import { communeIdentitySchema, openingSlotsSchema } from '../commune';

/**
 * The provisioning file that support staff place beside the installer (or pass with --provision=FILE) to
 * pre-fill a commune and its platform settings. Its JSON Schema, generated from this one, is
 * resources/provisioning.schema.json (documented in README.md).
 */
export const PROVISIONING_FILE_NAME = 'clocher-provisioning.json';

export const plateformeSchema = z
  .object({
    type: z.literal('s2low').meta({ description: 'Tiers de télétransmission (seul S²LOW pour l’instant)' }),
    url: z
      .url({ protocol: /^https$/, error: 'Adresse de la plateforme : une adresse https:// complète.' })
      .meta({ description: 'Adresse du tiers de télétransmission, par exemple https://s2low.exemple.fr' }),
    login: z.string().max(100).optional().meta({ description: 'Identifiant, quand le certificat est partagé' }),
  })
  .strict();

export const provisioningSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'version : seule la version 1 du fichier est connue.' }),
    commune: communeIdentitySchema.meta({
      description: 'Identité de la commune (comme dans l’assistant de démarrage)',
    }),
    horaires: openingSlotsSchema
      .optional()
      .meta({ description: 'Demi-journées d’ouverture : weekday 1 (lundi) à 7, period matin | apres-midi' }),
    plateforme: plateformeSchema.optional(),
    support: z
      .object({
        nom: z.string().max(100),
        telephone: z.string().max(30).optional(),
        email: z.string().max(200).optional(),
      })
      .strict()
      .optional()
      .meta({ description: 'Qui appeler : affiché dans Paramètres et sur les messages d’erreur' }),
  })
  .strict();
export type Provisioning = z.infer<typeof provisioningSchema>;

export function provisioningJsonSchema(): unknown {
  return z.toJSONSchema(provisioningSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}

/** Where to look: --provision=FILE, then CLOCHER_PROVISIONING, then beside the program. */
export function findProvisioningFile(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  programDir: string,
): string | null {
  const arg = argv.find((a) => a.startsWith('--provision='));
  if (arg) return path.resolve(arg.slice('--provision='.length));
  if (env.CLOCHER_PROVISIONING) return path.resolve(env.CLOCHER_PROVISIONING);
  const beside = path.join(programDir, PROVISIONING_FILE_NAME);
  return fs.existsSync(beside) ? beside : null;
}

/** Read and validate; a bad file is refused with the exact field and the reason, in French. */
export function readProvisioning(file: string): Provisioning {
  const refuse = (why: string, fields?: Record<string, string>) =>
    new AppError(
      'PROVISIONING_INVALID',
      `Le fichier de provisionnement ${path.basename(file)} est refusé : ${why}`,
      fields,
    );
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw refuse('il est introuvable ou illisible.');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw refuse(`ce n'est pas du JSON valide (${(e as Error).message}).`);
  }
  const r = provisioningSchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(racine)';
  const fields = Object.fromEntries(r.error.issues.map((i) => [i.path.map(String).join('.') || '(racine)', i.message]));
  throw refuse(`champ « ${field} » : ${issue?.message ?? 'invalide'}`, fields);
}
