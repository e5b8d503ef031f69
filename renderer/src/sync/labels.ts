/**
 * Plain-French words for the synchronisation screens: what each item is, how its status reads, what to do
 * when something is refused, when the next automatic run happens. Pure functions, tested without a window.
 */
import type { EventPayload, HandlerResult } from '../bridge';

export type SyncStatus = HandlerResult<'sync.status'>;
export type SyncItem = SyncStatus['items'][number];
export type ItemState = SyncItem['state'];

/** A row of `sync_run` (sync.status « dernier »; the core returns it untyped). */
export interface SyncRun {
  started_at: string;
  ended_at: string | null;
  trigger: string;
  outcome: 'ok' | 'hors_ligne' | 'erreur' | null;
  summary: string | null;
}

/** The 'sync.progress' event, as the contract declares it. */
export type SyncProgress = EventPayload<'sync.progress'>;

/** A row of sync.messages (the core returns it untyped). */
export interface InboundMessage {
  id: number;
  kind: string;
  title: string;
  detail: string | null;
  id_acte: string | null;
  documents: string | null;
  received_at: string;
  outbox_id: number | null;
  reply_outbox_id: number | null;
}

export const KIND_LABELS: Record<SyncItem['kind'], string> = {
  acte: 'Acte',
  annulation: 'Annulation',
  reponse: 'Réponse à la préfecture',
  helios: 'Flux comptable (HELIOS)',
  classification: 'Classification',
  mail: 'Courriel',
};

export type Tone = 'attente' | 'envoye' | 'recu' | 'refuse' | 'annule';

export function toneOf(state: ItemState): Tone {
  if (state === 'a_envoyer' || state === 'envoi_en_cours') return 'attente';
  return state === 'envoye' ? 'envoye' : state === 'recu' ? 'recu' : state === 'refuse' ? 'refuse' : 'annule';
}

/** Badge colours: dark shades, for AA contrast with white text. */
export const TONE_COLORS: Record<Tone, string> = {
  attente: 'gray.8',
  envoye: 'blue.9',
  recu: 'var(--clocher-color-success)',
  refuse: 'red.9',
  annule: 'gray.8',
};

/** The status line the secrétaire reads: the core's words, with « tout est enregistré » while it waits. */
export function statusText(item: Pick<SyncItem, 'state' | 'statut'> & { kind?: SyncItem['kind'] }): string {
  if (toneOf(item.state) === 'attente' && item.kind !== 'mail') return 'en attente de connexion, tout est enregistré'; // a mail says why it waits
  return item.statut;
}

/**
 * The accepted transmission that replaces a refused act (a corrected act sent again under 2026_001_R1,
 * main/sync/requests.ts enqueueRenvoi): same délibération, sent later, received. The core words the status
 * (« remplacé : 2026_001, transmis sous 2026_001_R1 »); this finds the row to point at.
 */
export function replacementOf(item: SyncItem, items: readonly SyncItem[]): SyncItem | null {
  if (item.kind !== 'acte' || item.state !== 'refuse' || item.refId === null) return null;
  return (
    items.find(
      (o) =>
        o.kind === 'acte' &&
        o.state === 'recu' &&
        o.id > item.id &&
        o.refType === item.refType &&
        o.refId === item.refId,
    ) ?? null
  );
}

/** What to do after a refusal, per kind of item. */
export function whatToDo(item: Pick<SyncItem, 'kind' | 'state'>): string | null {
  if (item.state !== 'refuse') return null;
  switch (item.kind) {
    case 'acte':
      return 'Cet acte vous revient : il n’est pas transmis et n’est donc pas exécutoire. Corrigez ce que la préfecture indique (pièce illisible, classification, date…), puis transmettez-le de nouveau.';
    case 'helios':
      return 'Le comptable n’a pas pris ce flux : corrigez les erreurs indiquées dans votre logiciel de comptabilité, signez le flux corrigé et envoyez-le de nouveau.';
    case 'reponse':
      return 'Votre réponse n’est pas partie : vérifiez le document (un PDF lisible) et répondez de nouveau au message.';
    case 'annulation':
      return 'L’annulation n’a pas été acceptée : l’acte reste transmis. Appelez la préfecture si l’annulation est nécessaire.';
    case 'classification':
      return 'La demande n’a pas abouti : elle pourra être refaite demain.';
    case 'mail':
      return 'Ce courriel n’est pas parti : vérifiez l’adresse du destinataire, puis envoyez-le de nouveau depuis le courrier.';
  }
}

export const TRIGGER_LABELS: Record<string, string> = {
  demarrage: 'au démarrage',
  horaire: 'automatique',
  manuel: 'à votre demande',
  test: 'test',
};

/** The next automatic run, as the core's scheduler decided it (sync.status « prochaine », main/sync/scheduler.ts). */
export type NextRun = SyncStatus['prochaine'];

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});
const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** « 8 h 00 », Paris time. */
function hhmm(iso: string): string {
  const parts = PARIS_TIME.formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${Number(get('hour'))} h ${get('minute')}`;
}

/** The core's next run in words (« Jeudi 26/11/2026 à 13 h 30 »); nothing is recomputed here. */
export function nextRunText(prochaine: NextRun): string {
  if (!prochaine)
    return 'Aucune demi-journée d’ouverture n’est renseignée (Paramètres → Horaires) : Clocher synchronise au démarrage et quand vous le demandez.';
  if (prochaine.jusqua)
    return `Pendant la demi-journée d’ouverture en cours : toutes les 15 minutes, jusqu’à ${hhmm(prochaine.jusqua)}.`;
  const day = PARIS_DAY.format(new Date(prochaine.le));
  return `${day.charAt(0).toUpperCase()}${day.slice(1)} à ${hhmm(prochaine.le)} (demi-journée d’ouverture de la mairie).`;
}

/** Préfecture messages: their name, and how (or whether) one answers them. */
export const MESSAGE_KINDS: Record<
  string,
  { label: string; modes: { value: 'reponse' | 'refus'; label: string }[]; note?: string }
> = {
  CourrierSimple: { label: 'Courrier simple', modes: [{ value: 'reponse', label: 'Répondre au courrier' }] },
  DemandePieceComplementaire: {
    label: 'Demande de pièces complémentaires',
    modes: [
      { value: 'reponse', label: 'Envoyer les pièces complémentaires' },
      { value: 'refus', label: 'Refuser de les envoyer (refus motivé)' },
    ],
    note: 'Le délai du contrôle de légalité reprend quand la préfecture reçoit les pièces.',
  },
  LettreObservations: {
    label: 'Lettre d’observations',
    modes: [
      { value: 'reponse', label: 'Répondre aux observations' },
      { value: 'refus', label: 'Rejeter les observations (maintenir l’acte)' },
    ],
    note: 'Prévenez le maire : sans réponse, la préfecture peut saisir le tribunal administratif.',
  },
  DefereTA: {
    label: 'Déféré au tribunal administratif',
    modes: [],
    note: 'Un déféré ne se traite pas par la plateforme : c’est le tribunal administratif qui instruit. Prévenez le maire sans attendre ; la défense de la commune se prépare avec lui (et, si besoin, un avocat).',
  },
};

/** Kinds that are shown but never answered here: the commune's own replies echoed by the platform, and what Clocher cannot read. */
const OTHER_KINDS: Record<string, string> = {
  PES_Retour: 'Retour du comptable (PES_Retour)',
  PieceComplementaire: 'Pièces complémentaires envoyées',
  RefusPieceComplementaire: 'Refus d’envoi de pièces complémentaires',
  inconnu: 'Message non reconnu',
};

export const messageKindLabel = (kind: string): string =>
  MESSAGE_KINDS[kind]?.label ?? OTHER_KINDS[kind] ?? 'Message de la préfecture';

/** A message Clocher could not read: kept raw, its files downloadable (main/sync/s2low/connector.ts courrierItem). */
export const isUnrecognised = (kind: string): boolean => kind === 'inconnu';

export function documentsOf(m: Pick<InboundMessage, 'documents'>): { nom: string; sha256: string }[] {
  try {
    const v = JSON.parse(m.documents ?? '[]') as unknown;
    return Array.isArray(v) ? (v as { nom: string; sha256: string }[]) : [];
  } catch {
    return [];
  }
}
