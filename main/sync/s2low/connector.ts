/** The S²LOW connector: push (push.ts), pull (préfecture courriers §2.8, classification §2.6, PES_Retour §3), test (§1). */
import tls from 'node:tls';
import type { Connector, Diagnostic, DiagnosticStep, PullIO, PushIO } from '../connector';
import type { OutboxRow } from '../outbox';
import { S2lowClient } from './client';
import { classify, S2lowHttp, TransportError, type S2lowConfig } from './http';
import { extractTarGz, parseActesMessage, type CourrierType } from './messages';
import { fetchArPieces, pushS2low } from './push';

const COURRIER_TITLE: Record<string, string> = {
  '2': 'Courrier de la préfecture',
  '3': 'Demande de pièces complémentaires de la préfecture',
  '4': "Lettre d'observations de la préfecture",
  '5': 'Déféré au tribunal administratif',
};

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
  readonly name = 'S²LOW';
  readonly http: S2lowHttp;
  readonly client: S2lowClient;
  constructor(readonly cfg: S2lowConfig) {
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
    for (const c of await this.client.courriersNonLus()) {
      const key = `actes:${c.id}`;
      if (!io.has(key)) {
        const files = await extractTarGz(await this.client.courrierTarGz(c.id));
        const msgFile = files.find((f) => /_0\.xml$/i.test(f.name) && !/^TACT--|^EACT--/.test(f.name));
        const m = msgFile ? parseActesMessage(msgFile.bytes) : null;
        const courrier = m && 'texte' in m ? (m as { type: CourrierType; idActe: string; date: string; texte: string }) : null;
        io.receive({
          platformKey: key,
          kind: courrier?.type ?? `type-${c.type}`,
          remoteId: c.id,
          relatedRemoteId: c.related_transaction_id || null,
          idActe: courrier?.idActe ?? (c.unique_id || null),
          title: `${COURRIER_TITLE[c.type] ?? 'Message de la préfecture'} — acte ${c.number}`,
          detail: courrier?.texte || null,
          documents: files.filter((f) => !/^TACT--|^EACT--/.test(f.name)).map((f) => ({ nom: f.name, bytes: f.bytes })),
        });
      }
      await this.client.markRead(c.id); // after the local commit: a crash here only repeats this call
    }
    const list = await this.client.pesRetours();
    for (const p of list.items) {
      const key = `pes_retour:${p.id}`;
      if (!io.has(key)) {
        const bytes = await this.client.pesRetour(p.id);
        io.receive({ platformKey: key, kind: 'PES_Retour', remoteId: p.id, relatedRemoteId: null, idActe: null, title: `Retour du comptable (PES_Retour) ${p.nom}`, detail: null, documents: [{ nom: p.nom, bytes }] });
      }
      await this.client.pesRetourLu(p.id);
    }
  }

  /** « Tester la connexion » (§1 test-connexion, info-connexion), with a French diagnosis per step. */
  async test(): Promise<Diagnostic> {
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
      return fail('Adresse', "L'adresse de la plateforme doit être une adresse https:// complète, par exemple https://s2low.exemple.fr.");
    }
    const local = await localCertificate(this.cfg).catch(() => null);
    try {
      await this.client.testConnexion();
    } catch (e) {
      const t = classify(e);
      if (t.failure === 'offline') return fail('Adresse', `La plateforme ${url.host} est injoignable : vérifiez l'adresse et la connexion internet de la mairie.`);
      if (t.failure === 'config') return fail('Certificat', 'Le mot de passe du certificat est incorrect, ou le fichier choisi n’est pas un certificat (.p12).');
      if (t.failure === 'auth') return fail('Identifiant', "L'identifiant ou le mot de passe de la plateforme est refusé : vérifiez-les (ils sont demandés quand le certificat est partagé).");
      if (t.failure === 'tls' && /ALTNAME|SELF_SIGNED|UNABLE_TO_VERIFY|CERT_HAS_EXPIRED/.test(t.code ?? ''))
        return fail('Adresse', `Le certificat du serveur ${url.host} n'est pas reconnu : l'adresse est peut-être incorrecte.`);
      if (local && local.validTo.getTime() < Date.now()) return fail('Certificat', `Votre certificat a expiré le ${local.validTo.toLocaleDateString('fr-FR')} : demandez-en un nouveau à votre autorité de certification.`);
      if (t.failure === 'tls' || t.failure === 'reset') return fail('Certificat', "La plateforme refuse votre certificat : il lui est inconnu ou il a été révoqué. Vérifiez qu'il est bien enregistré sur votre compte S²LOW.");
      return fail('Connexion', `La plateforme ne répond pas correctement : ${t.message}.`);
    }
    steps.push({ label: 'Adresse', ok: true, detail: `${url.host} répond.` }, { label: 'Certificat', ok: true, detail: local ? `Accepté (${local.subject}, valable jusqu'au ${local.validTo.toLocaleDateString('fr-FR')}).` : 'Accepté.' });
    let info: Record<string, unknown> = {};
    try {
      info = await this.client.infoConnexion();
      const a = (info.authority_info ?? {}) as Record<string, unknown>;
      steps.push({ label: 'Compte', ok: true, detail: `Connecté pour : ${String(a.name ?? 'collectivité inconnue')}.` });
      await this.client.findTransaction('__TEST__', '1', [4]);
      steps.push({ label: 'Droits', ok: true, detail: 'Le compte peut consulter et transmettre les actes.' });
    } catch (e) {
      const t = e instanceof TransportError ? e : classify(e);
      if (t.failure === 'auth') return { ...fail('Droits', "Ce compte n'a pas les droits de télétransmission des actes sur la plateforme : demandez-les à votre administrateur S²LOW."), info };
      return { ...fail('Compte', `Lecture du compte impossible : ${t.message}.`), info };
    }
    return { ok: true, message: 'La connexion à la plateforme fonctionne.', steps, info };
  }
}
