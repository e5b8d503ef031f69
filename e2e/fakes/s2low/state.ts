/** The fake platform's memory: transactions (protocol §2.2 types, §2.3 statuses), HELIOS files, counters. */
import type { ActeFields, CourrierKind } from './xml';

export interface Tx {
  id: number;
  /** 1 acte, 2 courrier simple, 3 DPC, 4 LO, 5 déféré, 6 annulation, 7 demande de classification */
  type: number;
  status: number;
  history: { status: number; at: string; message: string }[];
  flux: Map<number, string>;
  number: string;
  uniqueId: string;
  subject: string;
  decisionDate: string;
  nature: number;
  classification: string;
  relatedId: number | null;
  /** set on replies sent by the collectivité (§2.8) */
  typeReponse: number | null;
  lu: boolean;
  acte?: ActeFields;
  acteXml?: string;
  /** posted files (§2.5 file list: index 0 is the message XML, `msgFileId`; then these, main document first) */
  files: { id: number; name: string; bytes: Buffer; code: string | null }[];
  msgFileId?: number;
  /** DateReception of the ARActe (status 4) */
  arDate?: string;
  /** made once (§2.5): the bordereau d'acquittement, and the stamped version of each file */
  bordereau?: Promise<Buffer>;
  stamped?: Map<number, Promise<Buffer>>;
  courrier?: { kind: CourrierKind | string; tarGz: Buffer; envelopeId: number };
  anomaly?: string;
  /** whole-envelope rejection (AnomalieEnveloppe) instead of an AR */
  envelopeAnomaly?: string;
}

export interface HeliosTx {
  id: number;
  status: number;
  nomFic: string;
  sha1: string;
  bytes: Buffer;
  acquit: string | null;
  refuse: string | null;
}

export interface PesRetour {
  id: number;
  nom: string;
  date: string;
  xml: string;
  lu: boolean;
}

export interface Stats {
  requests: number;
  actesPosts: number;
  /** acts accepted (OK + id) per numéro interne: exactly one each, or the client duplicated */
  acceptedByNumber: Map<string, number>;
  /** re-posts refused because the number already existed: the client re-posted without reconciling */
  duplicateRefusals: number;
  faults: Record<'http500' | 'timeout' | 'reset' | 'lostAnswer', number>;
}

export class FakeState {
  private seq = 1000;
  readonly txs = new Map<number, Tx>();
  readonly helios = new Map<number, HeliosTx>();
  readonly pesRetours = new Map<number, PesRetour>();
  readonly stats: Stats = {
    requests: 0,
    actesPosts: 0,
    acceptedByNumber: new Map(),
    duplicateRefusals: 0,
    faults: { http500: 0, timeout: 0, reset: 0, lostAnswer: 0 },
  };

  nextId(): number {
    return ++this.seq;
  }

  setStatus(
    tx: { status: number; history?: Tx['history'] },
    status: number,
    message = '',
    flux?: string,
    fluxMap?: Map<number, string>,
  ): void {
    tx.status = status;
    tx.history?.push({ status, at: new Date().toISOString(), message });
    if (flux && fluxMap) fluxMap.set(status, flux);
  }

  newTx(p: Partial<Tx> & { type: number; status: number }): Tx {
    const tx: Tx = {
      id: this.nextId(),
      history: [],
      flux: new Map(),
      number: '',
      uniqueId: '',
      subject: '',
      decisionDate: '',
      nature: 0,
      classification: '',
      relatedId: null,
      typeReponse: null,
      lu: false,
      files: [],
      ...p,
    };
    tx.history.push({ status: p.status, at: new Date().toISOString(), message: '' });
    this.txs.set(tx.id, tx);
    return tx;
  }

  findActe(number: string): Tx | undefined {
    return [...this.txs.values()].find((t) => t.type === 1 && t.number === number);
  }
}
