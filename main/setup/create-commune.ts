/**
 * Adding a commune to the installation, in named steps: who may, the form, the provisioning file's
 * platform settings, the commune's own file, then its entry and account in the installation's file.
 */
import type { z } from 'zod';
import type { Ctx } from '../context';
import { record, type Actor } from '../audit';
import { accountSchema, communesOf, findUser, insertUser, setRole, workspaceLog } from '../auth';
import {
  communeIdentitySchema,
  conseilSchema,
  describeHoraires,
  openingSlotsSchema,
  parseParts,
  saveElu,
  writeHoraires,
  writeIdentity,
  writeSetting,
} from '../commune';
import { AppError, parisDay } from '../kernel';
import { readProvisioning, type Provisioning } from '../provisioning';

export type CommuneForm = ReturnType<typeof parseCommuneForm>;
type Who = Actor;

/** Later runs: only a secrétaire of one of the communes may add one (support would read its personal data). */
export function checkMayCreate(ctx: Ctx, firstRun: boolean): void {
  if (firstRun) return;
  const allowed = communesOf(ctx.core, ctx.session().userId).some((c) => c.role === 'secretaire');
  if (!allowed) throw new AppError('FORBIDDEN', 'Seule la secrétaire de mairie peut ajouter une commune.');
}

/** Every wrong field of the wizard at once; the account only on the first run. */
export function parseCommuneForm(
  ctx: Ctx,
  args: { identity: unknown; horaires: unknown; elus: unknown; account?: unknown },
  firstRun: boolean,
) {
  const p = parseParts({
    identity: [communeIdentitySchema, args.identity],
    horaires: [openingSlotsSchema, args.horaires],
    elus: [conseilSchema(parisDay(ctx.now)), args.elus],
    ...(firstRun ? { account: [accountSchema, args.account ?? {}] as [typeof accountSchema, unknown] } : {}),
  });
  return { ...p, account: (p as { account?: z.infer<typeof accountSchema> }).account };
}

/** The provisioning file's settings, when it describes this very commune; an unreadable file is ignored here. */
export function provisioningFor(ctx: Ctx, codeInsee: string): Provisioning | null {
  try {
    const file = ctx.core.provisioningPath;
    const data = file ? readProvisioning(file) : null;
    return data?.commune.code_insee === codeInsee ? data : null;
  } catch {
    return null;
  }
}

/** The commune's own file: identity, opening half-days, élus, platform settings, and its first journal lines. */
export function writeCommuneFile(
  ctx: Ctx,
  id: string,
  p: CommuneForm,
  provisioning: Provisioning | null,
  who: Who,
): void {
  ctx.core.communes.create(id, (db) => {
    writeIdentity(db, p.identity, ctx.now);
    writeHoraires(db, p.horaires);
    for (const e of p.elus) saveElu(db, null, e, ctx.now);
    if (provisioning?.plateforme) writeSetting(db, 'plateforme', provisioning.plateforme);
    if (provisioning?.support) writeSetting(db, 'support', provisioning.support);
    record(db, ctx.now, who, {
      action: 'commune.creee',
      summary: `Création du dossier de la commune ${p.identity.nom} (INSEE ${p.identity.code_insee})${provisioning ? ', pré-rempli par le fichier de provisionnement' : ''}`,
      objectType: 'commune',
      objectId: p.identity.code_insee,
    });
    record(db, ctx.now, who, {
      action: 'commune.horaires',
      summary: `Horaires d'ouverture : ${describeHoraires(p.horaires)}`,
    });
    record(db, ctx.now, who, {
      action: 'commune.elus',
      summary: `Conseil municipal enregistré : ${p.elus.length} élu(s)`,
    });
  });
}

/**
 * The installation's file: the account (first run), the commune's entry, the secrétaire role. All or nothing:
 * no commune file without its account and its entry.
 */
export function registerCommune(
  ctx: Ctx,
  id: string,
  p: CommuneForm,
  account: { data: z.infer<typeof accountSchema>; hash: string } | null,
  who: Who,
): number {
  const ws = ctx.core.workspace;
  try {
    return ws.transaction(() => {
      const uid = account ? insertUser(ws, ctx.now, account.data, account.hash) : ctx.session().userId;
      ws.prepare('INSERT INTO commune_ref (id, nom, code_insee, created_at) VALUES (?, ?, ?, ?)').run(
        id,
        p.identity.nom,
        p.identity.code_insee,
        ctx.now.toISOString(),
      );
      setRole(ws, uid, id, 'secretaire');
      workspaceLog(ws, ctx.now, who.login, 'commune.creee', `Commune ajoutée : ${p.identity.nom}`);
      return uid;
    })();
  } catch (e) {
    ctx.core.communes.discard(id);
    throw e;
  }
}

export const loginTaken = (ctx: Ctx, login: string): boolean => !!findUser(ctx.core.workspace, login);
