/**
 * One safe step per outbox item, per s2low-protocol.md. The rule that makes « no duplicate, no loss » hold:
 * an item in `envoi_en_cours` may already exist on the platform (answer lost, crash after the POST), so it is
 * looked up first (§2.4 bulk listing, numéro interne unique per collectivité §2.1) and only re-posted when
 * absent; a `KO` « même numéro interne » on a re-post is also reconciled by a lookup, never shown as a refusal.
 */
import { NUMERO_INTERNE_PATTERN } from '../../conseil/index';
import type { ArPieces, PushIO, PushStep } from '../connector';
import type { OutboxRow } from '../outbox';
import type { S2lowClient } from './client';
import { classify, TransportError, type FormPart } from './http';
import { parseActesMessage, parsePesAcquit, type ActesMessage } from './messages';

export interface ActePayload {
  nature: number; // 1..6 (§2.1)
  classification: string; // '7.1' or deeper
  numero: string;
  date: string; // décision, YYYY-MM-DD
  objet: string;
  documentPapier?: boolean;
  typeActe: string;
  document: { sha256: string; nom: string };
  annexes: { sha256: string; nom: string; type: string }[];
}
export interface ReponsePayload {
  courrierRemoteId: string;
  courrierType: number; // 2, 3, 4
  numero: string;
  typeEnvoie: number; // 1 courrier simple; 3 refus / rejet; 4 envoi / réponse (§2.8)
  typeActe: string;
  document: { sha256: string; nom: string };
  annexes: { sha256: string; nom: string; type: string }[];
}

/** Statuses where a just-posted act can be (§2.3), most likely first. */
const LOOKUP_STATUSES = [1, 2, 3, 4, 17, -1, 5, 6, 0];
const DUPLICATE = /même numéro interne|existe déjà/i;

/** The same rules S²LOW applies (§2.1), checked before any network: a refusal here is permanent. */
export function checkActe(p: ActePayload, today: string): string | null {
  if (!Number.isInteger(p.nature) || p.nature < 1 || p.nature > 6) return "nature de l'acte inconnue (1 à 6)";
  const levels = p.classification.split('.');
  if (levels.length < 2 || levels.length > 5 || levels.some((l) => !/^\d+$/.test(l)))
    return 'la classification doit avoir au moins deux niveaux (par exemple 7.1)';
  if (!NUMERO_INTERNE_PATTERN.test(p.numero))
    return `numéro interne « ${p.numero} » invalide (15 caractères A–Z, 0–9, _)`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date) || p.date > today)
    return 'la date de la décision ne peut pas être dans le futur';
  if (!p.objet.trim()) return "l'objet est obligatoire";
  if (p.objet.length > 499) return "l'objet dépasse 499 caractères";
  if (!/^[A-Z0-9_]{5}$/.test(p.typeActe)) return 'la typologie du document principal manque (par exemple 99_DE)';
  if (p.annexes.some((a) => !/^[A-Z0-9_]{5}$/.test(a.type))) return 'chaque annexe doit avoir sa typologie';
  return null;
}

function acteParts(p: ActePayload, io: PushIO): FormPart[] {
  const c = p.classification.split('.');
  const parts: FormPart[] = [
    { name: 'nature_code', value: String(p.nature) },
    ...c.map((v, i) => ({ name: `classif${i + 1}`, value: v })),
    { name: 'number', value: p.numero },
    { name: 'decision_date', value: p.date },
    { name: 'subject', value: p.objet },
    { name: 'document_papier', value: p.documentPapier ? '1' : '0' },
    { name: 'type_acte', value: p.typeActe },
    { name: 'acte_pdf_file', filename: p.document.nom, bytes: io.read(p.document.sha256), type: 'application/pdf' },
  ];
  for (const a of p.annexes)
    parts.push(
      { name: 'type_pj[]', value: a.type },
      { name: 'acte_attachments[]', filename: a.nom, bytes: io.read(a.sha256) },
    );
  return parts;
}

/** Failures after which a second download in the same step is pointless (no network, refused, too slow). */
const GIVE_UP = new Set(['offline', 'tls', 'config', 'auth', 'timeout']);

/**
 * §2.5: the bordereau d'acquittement and the stamped act (files list [1], `tampon=true`). Never throws: what
 * failed is left out, the cause in `erreur`, so that the AR itself is never lost.
 */
export async function fetchArPieces(
  client: S2lowClient,
  remoteId: string,
  want = { bordereau: true, tampon: true },
): Promise<ArPieces> {
  const out: ArPieces = {};
  if (want.bordereau) {
    try {
      out.bordereau = { nom: `bordereau-acquittement-${remoteId}.pdf`, bytes: await client.bordereau(remoteId) };
    } catch (e) {
      out.erreur = e;
      if (GIVE_UP.has(classify(e).failure)) return out;
    }
  }
  if (want.tampon) {
    try {
      const t = await client.acteTamponne(remoteId);
      out.tampon = { nom: `tamponne-${t.nom}`, bytes: t.bytes };
    } catch (e) {
      out.erreur ??= e;
    }
  }
  return out;
}

/** A flux we cannot read must not hide the status line's own reason. */
const safeParse = (xml: string): ActesMessage => {
  try {
    return parseActesMessage(xml);
  } catch {
    return { type: 'Inconnu', racine: '(illisible)' };
  }
};

/** Poll an ACTES transaction (§2.4): 4 → AR (or the reply's / annulation's AR), -1 → refusal with its reason. */
async function pollActes(client: S2lowClient, item: OutboxRow): Promise<PushStep> {
  const id = item.remote_id as string;
  const s = await client.status(id);
  if (!s.ok) return { state: 'envoye', remoteId: id, note: s.message };
  if (s.status === 4) {
    const flux = s.flux.trim();
    let result: { date: string; identifiant?: string; documents_erreur?: string } = { date: '' };
    let pieces: ArPieces | undefined;
    if (flux.startsWith('<')) {
      const m = parseActesMessage(flux);
      if (m.type === 'ARActe') {
        result = { date: m.dateReception, identifiant: m.idActe };
        // §2.5, after the AR: a failure here only postpones the documents (the engine retries), never the AR
        if (item.kind === 'acte') pieces = await fetchArPieces(client, id);
        if (pieces?.erreur) result.documents_erreur = classify(pieces.erreur).message;
      } else if (
        m.type === 'ARAnnulation' ||
        m.type === 'ARPieceComplementaire' ||
        m.type === 'ARReponseRejetLettreObservations'
      )
        result = { date: m.dateReception, identifiant: m.idActe };
    }
    return {
      state: 'recu',
      remoteStatus: 4,
      result,
      ...(flux ? { document: { nom: `${item.kind}-${id}-accuse.xml`, bytes: Buffer.from(flux, 'latin1') } } : {}),
      ...(pieces ? { pieces } : {}),
    };
  }
  if (s.status === -1) {
    const xmlAt = s.flux.indexOf('<');
    let motif = (xmlAt >= 0 ? s.flux.slice(0, xmlAt) : s.flux).trim();
    if (xmlAt >= 0) {
      const m = safeParse(s.flux.slice(xmlAt));
      if (m.type === 'AnomalieActe') motif = m.detail || motif;
      // the whole envelope was refused (actesv1_1.xsd AnomalieEnveloppe): its Detail is the only reason there is, kept whole
      if (m.type === 'AnomalieEnveloppe')
        motif = `enveloppe refusée par le ministère (anomalie ${m.nature || 'non codée'}) : ${m.detail || motif || 'sans détail'}`;
    }
    return {
      state: 'refuse',
      motif: motif || 'erreur signalée par la plateforme',
      result: { anomalie: true, statut: -1 },
    };
  }
  if (s.status === 0 || s.status === 6)
    return {
      state: 'refuse',
      motif: s.status === 0 ? 'transaction annulée sur la plateforme' : 'refusé par la préfecture',
    };
  return { state: 'envoye', remoteId: id, remoteStatus: s.status };
}

/** Post something that has a numéro interne, reconciling first when a previous POST may have landed. */
async function postReconciled(
  client: S2lowClient,
  item: OutboxRow,
  io: PushIO,
  find: () => Promise<string | null>,
  post: () => Promise<{ ok: true; id: string } | { ok: false; message: string }>,
): Promise<PushStep> {
  if (item.state === 'envoi_en_cours') {
    const found = await find();
    if (found) return { state: 'envoye', remoteId: found, note: 'retrouvé sur la plateforme après une réponse perdue' };
  }
  io.beforePost();
  const r = await post();
  if (r.ok) return { state: 'envoye', remoteId: r.id };
  if (DUPLICATE.test(r.message)) {
    const found = await find();
    if (found) return { state: 'envoye', remoteId: found, note: 'déjà reçu par la plateforme' };
  }
  return { state: 'refuse', motif: r.message };
}

export async function pushS2low(client: S2lowClient, item: OutboxRow, io: PushIO): Promise<PushStep> {
  if (item.state === 'envoye') {
    if (item.kind === 'helios') return pollHelios(client, item, io.today);
    if (item.kind === 'classification') return { state: 'recu', result: { date: io.today } };
    return pollActes(client, item);
  }
  const since = item.created_at.slice(0, 10);
  switch (item.kind) {
    case 'acte': {
      const p = JSON.parse(item.payload) as ActePayload;
      const bad = checkActe(p, io.today);
      if (bad) return { state: 'refuse', motif: bad };
      const find = async () => (await client.findTransaction(p.numero, '1', LOOKUP_STATUSES, [], since))?.id ?? null;
      return postReconciled(client, item, io, find, () => client.createActe(acteParts(p, io)));
    }
    case 'annulation': {
      const { acteOutboxId, numero } = JSON.parse(item.payload) as { acteOutboxId: number; numero: string };
      const acteId = io.remoteIdOf(acteOutboxId);
      if (!acteId) return { state: 'refuse', motif: "l'acte à annuler n'a pas été transmis" };
      const find = async () => (await client.findTransaction(numero, '6', LOOKUP_STATUSES, [], since))?.id ?? null;
      const step = await postReconciled(client, item, io, find, () => client.cancel(acteId));
      if (step.state === 'refuse' && /déjà en cours/i.test(step.motif)) {
        const id = await find();
        if (id) return { state: 'envoye', remoteId: id };
      }
      return step;
    }
    case 'reponse': {
      const p = JSON.parse(item.payload) as ReponsePayload;
      const find = async () =>
        (await client.findTransaction(p.numero, String(p.courrierType), [1, 2, 3, 4, -1], [p.courrierRemoteId], since))
          ?.id ?? null;
      const parts: FormPart[] = [
        { name: 'id', value: p.courrierRemoteId },
        { name: 'type_envoie', value: String(p.typeEnvoie) },
        { name: 'type_acte', value: p.typeActe },
        { name: 'acte_pdf_file', filename: p.document.nom, bytes: io.read(p.document.sha256), type: 'application/pdf' },
      ];
      for (const a of p.annexes)
        parts.push(
          { name: 'type_pj[]', value: a.type },
          { name: 'acte_attachments[]', filename: a.nom, bytes: io.read(a.sha256) },
        );
      return postReconciled(client, item, io, find, () => client.reponse(parts));
    }
    case 'classification': {
      io.beforePost(); // a duplicate request is harmless (the préfecture answers once more)
      const r = await client.requestClassification();
      return r.ok
        ? { state: 'recu', result: { date: io.today, identifiant: r.id } }
        : { state: 'refuse', motif: r.message };
    }
    case 'helios':
      return pushHelios(client, item, io);
    case 'mail': // sent over SMTP by main/courrier/mail (withMail routes it); kept waiting, never lost
      throw new TransportError('config', 'un courriel part par la messagerie de la mairie, pas par la plateforme');
  }
}

/** §3: post a PES_Aller. S²LOW refuses a file posted twice (SHA-1); there is no lookup by name in its API. */
async function pushHelios(client: S2lowClient, item: OutboxRow, io: PushIO): Promise<PushStep> {
  const p = JSON.parse(item.payload) as { sha256: string; nom: string };
  const unknownOutcome = item.state === 'envoi_en_cours';
  io.beforePost();
  const r = await client.heliosImport(p.nom, io.read(p.sha256));
  if (r.ok) return { state: 'envoye', remoteId: r.id };
  if (unknownOutcome && /doublon/i.test(r.message))
    return {
      state: 'recu',
      result: {
        date: io.today,
        identifiant: '',
        note: "déjà reçu par la plateforme (la réponse s'était perdue) : suivez l'acquittement sur S²LOW",
      },
    };
  return { state: 'refuse', motif: r.message };
}

/** §3: poll until 4 / 6 / 8, then download and read the PES_Acquit; -1 is an error. */
async function pollHelios(client: S2lowClient, item: OutboxRow, today: string): Promise<PushStep> {
  const id = item.remote_id as string;
  const s = await client.heliosStatus(id);
  if (!s.ok) return { state: 'envoye', remoteId: id, note: s.message };
  if (s.status === -1) return { state: 'refuse', motif: s.message || 'fichier refusé par la plateforme' };
  if (s.status === 4 || s.status === 6 || s.status === 8) {
    const bytes = await client.heliosAcquit(id);
    const a = parsePesAcquit(bytes);
    const erreurs = a.elements.flatMap((e) => e.erreurs.map((x) => `${e.reference} : ${x.libelle}`));
    const document = { nom: `PES_Acquit-${id}.xml`, bytes };
    if (!a.ok)
      return {
        state: 'refuse',
        motif: erreurs.join(' ; ') || 'refusé par le comptable',
        result: { acquit: a.elements },
        document,
      };
    return { state: 'recu', remoteStatus: s.status, result: { date: today, acquit: a.elements }, document };
  }
  return { state: 'envoye', remoteId: id, remoteStatus: s.status };
}
