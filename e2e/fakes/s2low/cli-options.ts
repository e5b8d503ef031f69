/** The fake S²LOW's command line (cli.ts), parsed and checked apart so that it is tested without a process. */
import type { CourrierKind, FakeOptions, FakeS2low } from './index';

export interface CliOptions {
  dir: string | null;
  options: FakeOptions & { siren: string; departement: string };
}

const parisParts = (d: Date) => {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    asUtc: Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    ),
  };
};

/** « 2026-11-23 » or « 2026-11-23T18:00 », Paris wall time → the instant. */
export function parisInstant(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(s);
  if (!m) return null;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 9), Number(m[5] ?? 0));
  if (Number.isNaN(naive) || new Date(naive).toISOString().slice(0, 10) !== s.slice(0, 10)) return null;
  const offset = parisParts(new Date(naive)).asUtc - naive;
  return naive - offset;
}

/** A clock that starts at `start` (Paris) when the fake starts and then runs with real time. */
export const runningParisDay = (start: number, launchedAt: number, now: () => number) => () =>
  parisParts(new Date(start + (now() - launchedAt))).date;

/** Parse argv; a French message (for the person at the terminal) when something is wrong. */
export function parseCliOptions(argv: string[], now: () => number): CliOptions | string {
  const arg = (k: string) => argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
  const siren = arg('siren') ?? '214502494';
  // §2.2 IDActe: SIREN on 9 digits, département on 3 characters (001…095, 02A/02B, 971…)
  if (!/^\d{9}$/.test(siren))
    return `--siren=${siren} : le SIREN de la commune compte 9 chiffres (s2low-protocol.md §2.2).`;
  const departement = arg('departement') ?? '045';
  if (!/^[0|9][0-9][A|B|0-9]$/.test(departement))
    return `--departement=${departement} : le département s'écrit sur 3 caractères, par exemple 045, 02A ou 971 (s2low-protocol.md §2.2).`;
  const clock = arg('clock');
  let today: (() => string) | undefined;
  if (clock !== undefined) {
    const start = parisInstant(clock);
    if (start === null)
      return `--clock=${clock} : écrivez la date (et l'heure de Paris) ainsi : 2026-11-23 ou 2026-11-23T18:00.`;
    today = runningParisDay(start, now(), now);
  }
  const num = (k: string, dflt: number) => {
    const v = arg(k);
    return v === undefined ? dflt : Number(v);
  };
  const port = num('port', 0);
  const latencyMs = num('latency', 0);
  const failRate = num('fail', 0);
  if (![port, latencyMs, failRate].every(Number.isFinite) || failRate < 0 || failRate > 1)
    return '--port, --latency et --fail attendent des nombres (--fail entre 0 et 1).';
  const nom = arg('nom');
  return {
    dir: arg('dir') ?? null,
    options: {
      siren,
      departement,
      port,
      faults: { latencyMs, failRate },
      ...(today ? { today } : {}),
      ...(nom ? { authorityName: nom } : {}),
    },
  };
}

const KINDS: CourrierKind[] = ['CourrierSimple', 'DemandePieceComplementaire', 'LettreObservations', 'DefereTA'];

/** One line typed at the CLI: the préfecture or the comptable acting on the fake (§2.8 courriers, §3 PES_Retour). */
export function runCommand(
  fake: Pick<FakeS2low, 'addCourrier' | 'addPesRetour' | 'advance' | 'state'>,
  line: string,
): string {
  const [cmd, ...rest] = line.trim().split(/\s+/);
  try {
    switch (cmd) {
      case 'courrier': {
        const [numero, kind, ...texte] = rest;
        if (!numero || !KINDS.includes(kind as CourrierKind))
          return `usage : courrier <numéro interne> <${KINDS.join('|')}> [texte…]`;
        const t = fake.addCourrier(numero, kind as CourrierKind, texte.join(' '));
        return `${kind} n° ${t.id} déposé pour l'acte ${numero}`;
      }
      case 'pes-retour': {
        const nom = rest[0] ?? `PES_RETOUR_${Date.now()}.xml`;
        return `PES_Retour n° ${fake.addPesRetour(nom, '<?xml version="1.0" encoding="ISO-8859-1"?>\n<n:PES_Retour xmlns:n="http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour"/>\n')} déposé (${nom})`;
      }
      case 'avance':
        fake.advance();
        return 'chaque transaction ouverte a avancé d’une étape';
      case 'etat':
        return (
          [...fake.state.txs.values()].map((t) => `${t.id} type ${t.type} statut ${t.status} ${t.number}`).join('\n') ||
          'aucune transaction'
        );
      case undefined:
      case '':
        return '';
      default:
        return 'commandes : courrier, pes-retour, avance, etat';
    }
  } catch (e) {
    return `impossible : ${(e as Error).message}`;
  }
}
