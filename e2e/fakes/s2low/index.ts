/**
 * A fake S²LOW that follows ../shared/docs/s2low-protocol.md strictly, for tests, e2e and the bench.
 *   const fake = await startFakeS2low({ faults: { latencyMs: 300, failRate: 0.05 } });
 *   fake.url, fake.caPem, fake.clientP12, fake.p12Password … fake.close()
 * Listens on 127.0.0.1 only. See cli.ts to run it by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { actesRouter, addCourrier, addRawMessage, type ActesConfig } from './actes-routes';
import { generatePki, type Pki } from './certs';
import { TEST_NOW } from '../../../test-support/support';
import { heliosRouter } from './helios-routes';
import { createServer, FaultPlan, json, text, type FaultKind, type Faults, type Req } from './server';
import { FakeState, type Tx } from './state';
import type { Classif } from './validate';
import type { CourrierKind } from './xml';

export type { Faults, FaultKind, Tx, CourrierKind };

export interface FakeOptions {
  faults?: Faults;
  /** HTTP Basic credentials (certificate shared by several accounts, §1); null = certificate alone */
  login?: string | null;
  password?: string | null;
  rights?: 'TT' | 'CS' | 'none';
  /** 'poll': each status request moves a transaction one step (1→2→3→4); 'manual': call advance() */
  advance?: 'poll' | 'manual';
  /** numéro interne → AnomalieActe detail, or null for an AR */
  anomaly?: (number: string) => string | null;
  /** numéro interne → Detail of an AnomalieEnveloppe (whole envelope refused), or null */
  envelopeAnomaly?: (number: string) => string | null;
  heliosRefuse?: (nomFic: string) => string | null;
  maxArchiveBytes?: number;
  classificationXml?: Buffer;
  siren?: string;
  departement?: string;
  /** the platform's date (YYYY-MM-DD, Paris): a fixed or moving clock for tests and the CLI; default the real one */
  today?: () => string;
  /** name of the account's collectivité in info-connexion (§1 authority_info.name) */
  authorityName?: string;
  pki?: Pki;
  port?: number;
  /** the server's clock; default the TEST clock (TEST_NOW), never the machine's, so ARs and exercices match the core's dates */
  now?: () => Date;
}

export interface FakeS2low extends Pki {
  url: string;
  login: string | null;
  password: string | null;
  state: FakeState;
  setFaults(f: Faults): void;
  inject(kind: FaultKind, opts?: { path?: string; times?: number }): void;
  /** one step of every open transaction (manual mode) */
  advance(): void;
  addCourrier(acteNumber: string, kind: CourrierKind, texte: string): Tx;
  /** a message of any root on one of our acts (see actes-routes.ts addRawMessage) */
  addRawMessage(
    acteNumber: string,
    p: { txType: number; msg: string; xml: string; files?: { name: string; bytes: Buffer }[] },
  ): Tx;
  addPesRetour(nom: string, xml: string): number;
  close(): Promise<void>;
}

const parisDayOf = (d: Date) =>
  new Intl.DateTimeFormat('fr-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

export function defaultClassificationXml(): Buffer {
  const root = process.env.CLOCHER_ROOT ?? process.cwd();
  return fs.readFileSync(path.join(root, 'resources', 'actes', 'classification-defaut.xml'));
}

/** The typologies per nature and the matière paths of a RetourClassification (§2.6). */
export function classifFrom(bytes: Buffer): Classif {
  const p = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true });
  const root = p.parse(bytes.toString('latin1')).RetourClassification;
  const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  const typologies = new Map<number, Set<string>>();
  for (const n of arr<Record<string, unknown>>(root.NaturesActes?.NatureActe))
    typologies.set(
      Number(n['@CodeNatureActe']),
      new Set(arr<Record<string, string>>(n.TypePJNatureActe as never).map((t) => String(t['@CodeTypePJ']))),
    );
  const matieres = new Set<string>();
  const walk = (nodes: unknown, level: number, prefix: string) => {
    for (const m of arr(nodes as Record<string, unknown>[])) {
      const code = prefix ? `${prefix}.${m['@CodeMatiere']}` : String(m['@CodeMatiere']);
      matieres.add(code);
      if (level < 5) walk(m[`Matiere${level + 1}`], level + 1, code);
    }
  };
  walk(root.Matieres?.Matiere1, 1, '');
  return { date: String(root.DateClassification), typologies, matieres };
}

export async function startFakeS2low(o: FakeOptions = {}): Promise<FakeS2low> {
  const pki = o.pki ?? generatePki();
  const parisToday = () => parisDayOf(o.now ? o.now() : TEST_NOW);
  const state = new FakeState();
  const plan = new FaultPlan(o.faults ?? {});
  const login = o.login === undefined ? 'mairie' : o.login;
  const password = o.password === undefined ? 'secret-de-test' : o.password;
  const classificationXml = o.classificationXml ?? defaultClassificationXml();
  const maxArchiveBytes = o.maxArchiveBytes ?? 150 * 1024 * 1024;
  const today = o.today ?? parisToday;
  const actesCfg: ActesConfig = {
    siren: o.siren ?? '214502494',
    departement: o.departement ?? '045',
    classif: classifFrom(classificationXml),
    classificationXml,
    rights: o.rights ?? 'TT',
    advance: o.advance ?? 'poll',
    anomaly: o.anomaly ?? (() => null),
    envelopeAnomaly: o.envelopeAnomaly ?? (() => null),
    today,
    maxArchiveBytes,
  };
  const actes = actesRouter(state, actesCfg);
  const helios = heliosRouter(state, {
    rights: actesCfg.rights,
    advance: actesCfg.advance,
    maxBytes: 128 * 1024 * 1024,
    refuse: o.heliosRefuse ?? (() => null),
    today,
  });
  const route = (r: Req) => {
    if (r.path === '/api/test-connexion.php') return text('OK\n');
    if (r.path === '/api/info-connexion.php')
      return json({
        user_info: {
          id: 7,
          login: login ?? 'agent',
          name: 'Roux',
          givenname: 'Martine',
          email: 'mairie@example.fr',
          role: 'USER',
          authority_id: 1,
        },
        authority_info: {
          id: 1,
          authority_type_id: '31',
          status: 1,
          name: o.authorityName ?? 'Commune de test',
          email: 'mairie@example.fr',
          address: '1 place de la Mairie',
          postal_code: '45730',
          city: 'Saint-Benoît-sur-Loire',
          telephone: '0238357000',
          department: actesCfg.departement,
          district: '3',
          authority_group_id: null,
        },
      });
    return actes(r) ?? helios(r) ?? { status: 404, body: 'Not Found' };
  };
  const { server, sockets } = createServer(
    {
      key: pki.serverKeyPem,
      cert: pki.serverCertPem,
      ca: pki.caPem,
      login,
      password,
      faults: plan.faults,
      maxBodyBytes: maxArchiveBytes,
      route,
      onFault: (k) => state.stats.faults[k]++,
      onRequest: () => state.stats.requests++,
    },
    plan,
  );
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let pesSeq = 0;
  return {
    ...pki,
    url: `https://127.0.0.1:${port}`,
    login,
    password,
    state,
    setFaults: (f) => {
      plan.faults = f;
    },
    inject: (k, opts) => plan.inject(k, opts),
    advance: () => {
      const was = actesCfg.advance;
      actesCfg.advance = 'poll';
      for (const t of state.txs.values())
        actes({
          method: 'GET',
          path: '/modules/actes/actes_transac_get_status.php',
          query: new URLSearchParams({ transaction: String(t.id) }),
          fields: {},
          files: [],
          bodyBytes: 0,
        });
      actesCfg.advance = was;
    },
    addCourrier: (n, kind, texte) => {
      const acte = state.findActe(n);
      if (!acte) throw new Error(`acte ${n} inconnu du faux S²LOW`);
      return addCourrier(state, actesCfg, acte.id, kind, texte);
    },
    addRawMessage: (n, p) => {
      const acte = state.findActe(n);
      if (!acte) throw new Error(`acte ${n} inconnu du faux S²LOW`);
      return addRawMessage(state, actesCfg, acte.id, p);
    },
    addPesRetour: (nom, xml) => {
      const id = 5000 + ++pesSeq;
      state.pesRetours.set(id, { id, nom, date: today(), xml, lu: false });
      return id;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
