/**
 * What the synchronisation asks of a platform (architecture §6). S²LOW first (s2low/); Pastell and others
 * implement the same interface. The engine owns the database; a connector only talks to its platform.
 */
import type { OutboxRow } from './outbox';

/**
 * Documents the platform makes after an act's AR (s2low-protocol.md §2.5): the bordereau d'acquittement and
 * the act stamped « reçu en préfecture ». What could not be downloaded is left out, with the cause in
 * `erreur`: the AR is recorded anyway and the engine asks again at the next synchronisation.
 */
export interface ArPieces {
  bordereau?: { nom: string; bytes: Buffer };
  tampon?: { nom: string; bytes: Buffer };
  erreur?: unknown;
}

/** Outcome of one step on one outbox item; the engine persists it in one transaction. */
export type PushStep =
  | { state: 'envoye'; remoteId: string | null; remoteStatus?: number | null; note?: string }
  | {
      state: 'recu';
      remoteStatus?: number;
      result: { date: string; identifiant?: string; [k: string]: unknown };
      document?: { nom: string; bytes: Buffer };
      pieces?: ArPieces;
    }
  | { state: 'refuse'; motif: string; result?: Record<string, unknown>; document?: { nom: string; bytes: Buffer } };

export interface PushIO {
  /** bytes of a document of the commune (content-addressed store) */
  read(sha256: string): Buffer;
  /** remote id of another outbox item (an annulation needs its act's id) */
  remoteIdOf(outboxId: number): string | null;
  /** MUST be called right before a request that may create something on the platform: the engine persists `envoi_en_cours` */
  beforePost(): void;
  today: string;
  /** the core's clock, for a time a connector records (an e-mail's envoyeLe) */
  now: () => Date;
}

export interface InboundItem {
  platformKey: string;
  kind: string;
  remoteId: string;
  relatedRemoteId: string | null;
  idActe: string | null;
  title: string;
  detail: string | null;
  documents: { nom: string; bytes: Buffer }[];
}

export interface PullIO {
  /** already stored (then only acknowledge it on the platform) */
  has(platformKey: string): boolean;
  /** store once, with its arrival on the dashboard, in one transaction */
  receive(item: InboundItem): void;
  classification(xml: Buffer): void;
}

export interface DiagnosticStep {
  label: string;
  ok: boolean;
  detail: string;
}
export interface Diagnostic {
  ok: boolean;
  message: string;
  steps: DiagnosticStep[];
  info?: Record<string, unknown>;
}

export interface Connector {
  readonly name: string;
  push(item: OutboxRow, io: PushIO): Promise<PushStep>;
  pull(io: PullIO): Promise<void>;
  /** download again what an AR step could not get (§2.5); absent for a platform without these documents */
  pieces?(item: OutboxRow, want: { bordereau: boolean; tampon: boolean }): Promise<ArPieces>;
  /** « Tester la connexion »; `now` is the core's clock (a certificate's expiry is judged by it) */
  test(now: Date): Promise<Diagnostic>;
  close(): void;
  /** what an error of this connector's transport means for the run: `offline`, `tls`, `config` and `auth` stop it */
  classify(e: unknown): ConnectorFailure;
}

export interface ConnectorFailure {
  failure: string;
  message: string;
}
