/** What the window may ask of the mailbox (contract: schemas.ts). Thin: check rights, call a service. */
import { AppError } from '../../kernel';
import type { Ctx, Implementations } from '../../context';
import type { mailApi } from './schemas';
import { ROLE_LABELS } from '../../auth';
import { acknowledgeReceived, saveMailAgent } from './acknowledge';
import { takeIn } from './intake';
import { mailIntakeFor } from './index';
import { mailSecretBox } from './secret-box';
import { mailConfig, readMessagerie, saveMessagerie, type MailConfig, type Messagerie } from './settings';
import type { MessagerieArgs } from './schemas';
import { testMailbox } from './test-connexion';

/** The access map already requires 'commune.write'; the mailbox's password is the secrétaire's business alone. */
function secretaire(ctx: Ctx) {
  const s = ctx.session();
  if (s.role !== 'secretaire')
    throw new AppError('FORBIDDEN', 'Seule la secrétaire de mairie règle la messagerie de la mairie.');
  return ctx.commune();
}

const toMessagerie = (a: MessagerieArgs): Messagerie => ({
  adresse: a.adresse,
  nomExpediteur: a.nomExpediteur?.trim() || null,
  identifiant: a.identifiant,
  imap: a.imap,
  smtp: a.smtp,
  dossier: a.dossier,
  marquage: a.marquage,
});

export const mailHandlers = {
  'messagerie.get': (ctx) => {
    const { db } = secretaire(ctx);
    const m = readMessagerie(db);
    const cfg = mailConfig(db, mailSecretBox(db, ctx.core.dataDir));
    // the password never goes back to the window: only whether one is stored and readable
    return m ? { ...m, motDePasseEnregistre: typeof cfg !== 'string' } : null;
  },
  'messagerie.save': (ctx, a) => {
    const { db } = secretaire(ctx);
    db.transaction(() => {
      saveMessagerie(db, mailSecretBox(db, ctx.core.dataDir), toMessagerie(a), a.motDePasse);
      // L111-2: the automatic acknowledgements name the secrétaire who set up the mailbox (acknowledge.ts)
      saveMailAgent(db, { nom: ctx.session().displayName, qualite: ROLE_LABELS.secretaire });
      ctx.audit({
        action: 'courrier.messagerie',
        summary: `Messagerie de la mairie : ${a.adresse} (réception ${a.imap.hote}, envoi ${a.smtp.hote})${a.motDePasse ? ', nouveau mot de passe' : ''}`,
      });
    })();
    return { ok: true };
  },
  'messagerie.tester': async (ctx, a) => {
    const { db } = secretaire(ctx);
    const stored = mailConfig(db, mailSecretBox(db, ctx.core.dataDir));
    const motDePasse = a.motDePasse || (typeof stored === 'string' ? null : stored.motDePasse);
    if (!motDePasse)
      return { ok: false, message: 'Saisissez le mot de passe de la messagerie pour tester la connexion.', steps: [] };
    const cfg: MailConfig = { ...toMessagerie(a), motDePasse };
    return testMailbox(cfg);
  },
  'messagerie.deposer': async (ctx, { uploadId }) => {
    const { id, db } = secretaire(ctx);
    const { nom, bytes } = ctx.core.uploads.take(ctx.conn.id, uploadId);
    if (!/\.(eml|msg)$/i.test(nom))
      throw new AppError(
        'INVALID',
        `« ${nom} » n'est pas un courriel enregistré : un fichier .eml ou .msg est attendu (dans votre messagerie : « Enregistrer sous »).`,
      );
    const docs = ctx.core.communes.documentsOf(id);
    const t = await takeIn(
      mailIntakeFor(db, docs, () => ctx.core.clock()),
      Buffer.from(bytes),
      { source: 'depot' },
    );
    if (t.created) await acknowledgeReceived(db, docs, () => ctx.core.clock()); // the AEE, as for a message read over IMAP
    return { created: t.created, objet: t.objet, arriveeId: t.arriveeId };
  },
} satisfies Implementations<
  typeof mailApi,
  'messagerie.get' | 'messagerie.save' | 'messagerie.tester' | 'messagerie.deposer'
>;
