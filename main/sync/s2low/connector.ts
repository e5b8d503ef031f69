/** The S²LOW connector: push (push.ts), pull (préfecture courriers §2.8, classification §2.6, PES_Retour §3), test (§1). */
import tls from 'node:tls';
import { parisDateFr } from '../../kernel';
import type { Connector, Diagnostic, DiagnosticStep, InboundItem, PullIO, PushIO } from '../connector';
import type { OutboxRow } from '../outbox';
import { S2lowClient } from './client';
import { classify, S2lowHttp, TransportError, type S2lowConfig } from './http';
import { extractTarGzSync, parseActesMessage, type ActesMessage } from './messages';
import { fetchArPieces, pushS2low } from './push';

const COURRIER_TITLE: Record<string, string> = {
  '2': 'Courrier de la préfecture',
  '3': 'Demande de pièces complémentaires de la préfecture',
  '4': "Lettre d'observations de la préfecture",
  '5': 'Déféré au tribunal administratif',
};

type CourrierListed = Awaited<ReturnType<S2lowClient['courriersNonLus']>>[number];
const isEnvelope = (name: string) => /^TACT--|^EACT--/.test(name);

/**
 * One listed message (§2.8) as stored: a known kind is read; anything else (a root this reader does not
 * know, an unreadable XML or archive) is kept raw with all its files as « message non reconnu », so that it
 * never blocks the messages after it and is still there for the secrétaire to download.
 */
export function courrierItem(key: string, c: CourrierListed, tarGz: Buffer): InboundItem {
  const base = {
    platformKey: key,
    remoteId: c.id,
    relatedRemoteId: c.related_transaction_id || null,
    idActe: c.unique_id || null,
  };
  const acte = c.number ? ` — acte ${c.number}` : '';
  let files: { name: string; bytes: Buffer }[];
  try {
    files = extractTarGzSync(tarGz);
  } catch {
    return {
      ...base,
      kind: 'inconnu',
      title: `Message non reconnu de la plateforme${acte}`,
      detail: "L'archive reçue est illisible ; elle est conservée telle quelle.",
      documents: [{ nom: `message-${c.id}.tar.gz`, bytes: tarGz }],
    };
  }
  const msgFile = files.find((f) => /_0\.xml$/i.test(f.name) && !isEnvelope(f.name));
  let m: ActesMessage | null = null;
  try {
    m = msgFile ? parseActesMessage(msgFile.bytes) : null;
  } catch {
    m = null;
  }
  if (m && 'texte' in m) {
    return {
      ...base,
      kind: m.type,
      idActe: m.idActe || base.idActe,
      title: `${COURRIER_TITLE[c.type] ?? 'Message de la préfecture'}${acte}`,
      detail: m.texte || null,
      documents: files.filter((f) => !isEnvelope(f.name)).map((f) => ({ nom: f.name, bytes: f.bytes })),
    };
  }
  if (m && (m.type === 'PieceComplementaire' || m.type === 'RefusPieceComplementaire')) {
    const title =
      m.type === 'PieceComplementaire'
        ? 'Pièces complémentaires envoyées à la préfecture'
        : 'Refus motivé d’envoyer des pièces complémentaires';
    return {
      ...base,
      kind: m.type,
      idActe: m.idActe || base.idActe,
      title: `${title}${acte}`,
      detail: null,
      documents: files.filter((f) => !isEnvelope(f.name)).map((f) => ({ nom: f.name, bytes: f.bytes })),
    };
  }
  const racine = m ? (m.type === 'Inconnu' ? m.racine : m.type) : msgFile ? 'XML illisible' : 'pas de message';
  return {
    ...base,
    kind: 'inconnu',
    title: `Message non reconnu de la plateforme${acte}`,
    detail: `Clocher ne sait pas lire ce message (type ${c.type}, ${racine}) : ses fichiers sont conservés tels quels, à ouvrir ou à transmettre à l'assistance.`,
    documents: files.map((f) => ({ nom: f.name, bytes: f.bytes })),
  };
}

/** The TLS client certificate as the server sees it, read from our side of a handshake. */
function localCertificate(cfg: S2lowConfig): Promise<{ validTo: Date; subject: string } | null> {
  const u = new URL(cfg.url);
  const id = cfg.identity;
  return new Promise((resolve) => {
    const s = tls.connect({
      host: u.hostname,
      port: Number(u.port || 443),
      ...(id.kind === 'pkcs12' ? { pfx: id.pfx, passphrase: id.passphrase } : { key: id.key, cert: id.cert }),
      ...(cfg.ca ? { ca: cfg.ca } : {}),
      rejectUnauthorized: true,
      ...(/^[\d.]+$/.test(u.hostname) ? {} : { servername: u.hostname }),
    });
    const done = (v: { validTo: Date; subject: string } | null) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(cfg.timeoutMs ?? 15_000, () => done(null));
    s.on('secureConnect', () => {
      const c = s.getCertificate() as tls.PeerCertificate | null;
      done(c && 'valid_to' in c ? { validTo: new Date(c.valid_to), subject: String(c.subject?.CN ?? '') } : null);
    });
    s.on('error', () => done(null));
  });
}

export class S2lowConnector implements Connector {
  readonly classify = classify;
  readonly name = 'S²LOW';
  readonly http: S2lowHttp;
  readonly client: S2lowClient;
  /** `commune`: whose account this must be (« Tester la connexion » compares it with what the platform tells, §1) */
  constructor(
    readonly cfg: S2lowConfig,
    readonly commune: { siren: string; departement: string } | null = null,
  ) {
    this.http = new S2lowHttp(cfg);
    this.client = new S2lowClient(this.http);
  }
  close(): void {
    this.http.close();
  }

  push(item: OutboxRow, io: PushIO) {
    return pushS2low(this.client, item, io);
  }

  pieces(item: OutboxRow, want: { bordereau: boolean; tampon: boolean }) {
    return fetchArPieces(this.client, item.remote_id as string, want);
  }

  async pull(io: PullIO): Promise<void> {
    io.classification(await this.client.classification());
    // one message the platform cannot serve (HTTP error on its download) must not hold back the others: it
    // stays unread there, is asked for again next time, and the run still reports the first such error
    let pending: unknown = null;
    const each = async (step: () => Promise<void>) => {
      try {
        await step();
      } catch (e) {
        if (!['http', 'timeout'].includes(classify(e).failure)) throw e; // offline, certificate…: the run stops (engine)
        pending ??= e;
      }
    };
    for (const c of await this.client.courriersNonLus()) {
      const key = `actes:${c.id}`;
      await each(async () => {
        if (!io.has(key)) io.receive(courrierItem(key, c, await this.client.courrierTarGz(c.id)));
        await this.client.markRead(c.id); // after the local commit: a crash here only repeats this call
      });
    }
    const list = await this.client.pesRetours();
    for (const p of list.items) {
      const key = `pes_retour:${p.id}`;
      await each(async () => {
        if (!io.has(key)) {
          const bytes = await this.client.pesRetour(p.id);
          io.receive({
            platformKey: key,
            kind: 'PES_Retour',
            remoteId: p.id,
            relatedRemoteId: null,
            idActe: null,
            title: `Retour du comptable (PES_Retour) ${p.nom}`,
            detail: null,
            documents: [{ nom: p.nom, bytes }],
          });
        }
        await this.client.pesRetourLu(p.id);
      });
    }
    if (pending) throw pending;
  }

  /**
   * Is the account another collectivité's? S²LOW's info-connexion tells the account's authority (name,
   * department… §1) but not its SIREN; the SIREN shows in the IDActe of what the platform lists for it
   * (`DDD-SIREN-…`, §2.2, §2.8). Acts sent from the wrong account would be another commune's acts.
   */
  private async otherCollectivite(a: Record<string, unknown>): Promise<string | null> {
    const c = this.commune;
    if (!c?.siren) return null;
    const nom = a.name ? `« ${String(a.name)} »` : 'une autre collectivité';
    const sirens = new Set(
      (await this.client.courriersNonLus().catch(() => []))
        .map((m) => /^[0-9][0-9][AB0-9]-(\d{9})-/.exec(m.unique_id ?? '')?.[1])
        .filter((x): x is string => Boolean(x)),
    );
    const autre = [...sirens].find((x) => x !== c.siren);
    const conseil =
      "Vérifiez l'identifiant et le certificat saisis : ils doivent être ceux du compte de votre commune. Rien n'a été envoyé.";
    if (autre)
      return `Ce compte de la plateforme appartient à ${nom}, SIREN ${autre}, et non à votre commune (SIREN ${c.siren}). ${conseil}`;
    const dep = String(a.department ?? '').trim();
    const pad = (d: string) => (/^(\d{1,2}|2[AB])$/i.test(d) ? d.toUpperCase().padStart(3, '0') : d.toUpperCase());
    if (dep && c.departement && pad(dep) !== pad(c.departement))
      return `Ce compte de la plateforme appartient à ${nom}, du département ${dep}, et non à votre commune (SIREN ${c.siren}, département ${c.departement}). ${conseil}`;
    return null;
  }

  /** « Tester la connexion » (§1 test-connexion, info-connexion), with a French diagnosis per step; `now`: the core's clock. */
  async test(now: Date): Promise<Diagnostic> {
    const steps: DiagnosticStep[] = [];
    const fail = (label: string, detail: string): Diagnostic => {
      steps.push({ label, ok: false, detail });
      return { ok: false, message: detail, steps };
    };
    let url: URL;
    try {
      url = new URL(this.cfg.url);
      if (url.protocol !== 'https:') throw new Error('https');
    } catch {
      return fail(
        'Adresse',
        "L'adresse de la plateforme doit être une adresse https:// complète, par exemple https://s2low.exemple.fr.",
      );
    }
    const local = await localCertificate(this.cfg).catch(() => null);
    try {
      await this.client.testConnexion();
    } catch (e) {
      const t = classify(e);
      if (t.failure === 'offline')
        return fail(
          'Adresse',
          `La plateforme ${url.host} est injoignable : vérifiez l'adresse et la connexion internet de la mairie.`,
        );
      if (t.failure === 'config')
        return fail(
          'Certificat',
          'Le mot de passe du certificat est incorrect, ou le fichier choisi n’est pas un certificat (.p12).',
        );
      if (t.failure === 'auth')
        return fail(
          'Identifiant',
          "L'identifiant ou le mot de passe de la plateforme est refusé : vérifiez-les (ils sont demandés quand le certificat est partagé).",
        );
      if (t.failure === 'tls' && /ALTNAME|SELF_SIGNED|UNABLE_TO_VERIFY|CERT_HAS_EXPIRED/.test(t.code ?? ''))
        return fail(
          'Adresse',
          `Le certificat du serveur ${url.host} n'est pas reconnu : l'adresse est peut-être incorrecte.`,
        );
      if (local && local.validTo.getTime() < now.getTime())
        return fail(
          'Certificat',
          `Votre certificat a expiré le ${parisDateFr(local.validTo)} : demandez-en un nouveau à votre autorité de certification.`,
        );
      if (t.failure === 'tls' || t.failure === 'reset')
        return fail(
          'Certificat',
          "La plateforme refuse votre certificat : il lui est inconnu ou il a été révoqué. Vérifiez qu'il est bien enregistré sur votre compte S²LOW.",
        );
      return fail('Connexion', `La plateforme ne répond pas correctement : ${t.message}.`);
    }
    steps.push(
      { label: 'Adresse', ok: true, detail: `${url.host} répond.` },
      {
        label: 'Certificat',
        ok: true,
        detail: local ? `Accepté (${local.subject}, valable jusqu'au ${parisDateFr(local.validTo)}).` : 'Accepté.',
      },
    );
    let info: Record<string, unknown> = {};
    try {
      info = await this.client.infoConnexion();
      const a = (info.authority_info ?? {}) as Record<string, unknown>;
      const autre = await this.otherCollectivite(a);
      if (autre) return { ...fail('Compte', autre), info };
      steps.push({
        label: 'Compte',
        ok: true,
        detail: `Connecté pour : ${String(a.name ?? 'collectivité inconnue')}.`,
      });
      await this.client.findTransaction('__TEST__', '1', [4]);
      steps.push({ label: 'Droits', ok: true, detail: 'Le compte peut consulter et transmettre les actes.' });
    } catch (e) {
      const t = e instanceof TransportError ? e : classify(e);
      if (t.failure === 'auth')
        return {
          ...fail(
            'Droits',
            "Ce compte n'a pas les droits de télétransmission des actes sur la plateforme : demandez-les à votre administrateur S²LOW.",
          ),
          info,
        };
      return { ...fail('Compte', `Lecture du compte impossible : ${t.message}.`), info };
    }
    return { ok: true, message: 'La connexion à la plateforme fonctionne.', steps, info };
  }
}
