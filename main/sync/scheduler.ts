/**
 * When the synchronisation runs (architecture §6): at start-up, on « Synchroniser maintenant », and during the
 * mairie's opening half-days (opening_slot, weekday 1..7 × matin / après-midi). Chosen hours, Europe/Paris:
 * matin 08:00–12:00, après-midi 13:30–18:00; inside a half-day, one run every `intervalMs` (15 min by
 * default). Runs never overlap; offline runs end quickly and simply wait for the next tick.
 */
import type { OpeningSlot } from '../commune';

export const HALF_DAYS = {
  matin: { from: 8 * 60, to: 12 * 60 },
  'apres-midi': { from: 13 * 60 + 30, to: 18 * 60 },
} as const;

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Weekday (1 = lundi) and minutes since midnight, in Paris. */
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function parisClock(d: Date): { weekday: number; minutes: number } {
  const parts = PARIS.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  return { weekday: WEEKDAY[get('weekday')] ?? 1, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isOpen(slots: readonly OpeningSlot[], d: Date): boolean {
  const { weekday, minutes } = parisClock(d);
  return slots.some(
    (s) => s.weekday === weekday && minutes >= HALF_DAYS[s.period].from && minutes < HALF_DAYS[s.period].to,
  );
}

/** The next moment the automatic synchronisation will run: now if the mairie is open, else the next half-day's start. */
export function nextOpening(slots: readonly OpeningSlot[], from: Date): string | null {
  if (!slots.length) return null;
  if (isOpen(slots, from)) return from.toISOString();
  // walk forward by 15-minute steps over two weeks: simple and exact across daylight-saving changes
  const step = 15 * 60_000;
  const start = Math.ceil(from.getTime() / step) * step;
  for (let t = start; t < start + 15 * 86_400_000; t += step)
    if (isOpen(slots, new Date(t))) return new Date(t).toISOString();
  return null;
}

/**
 * The next automatic run as the window shows it (sync.status): when, and, inside an opening half-day where a run
 * comes every 15 minutes, until when (the first closed quarter-hour). The window never recomputes the half-days.
 */
export function nextRun(slots: readonly OpeningSlot[], from: Date): { le: string; jusqua: string | null } | null {
  const le = nextOpening(slots, from);
  if (!le || !isOpen(slots, from)) return le ? { le, jusqua: null } : null;
  const step = 15 * 60_000;
  let t = Math.floor(from.getTime() / step) * step + step;
  while (isOpen(slots, new Date(t))) t += step;
  return { le, jusqua: new Date(t).toISOString() };
}

export type Trigger = 'demarrage' | 'horaire' | 'manuel';

export interface SchedulerOptions {
  slots: () => readonly OpeningSlot[];
  run: (trigger: Trigger) => Promise<unknown>;
  /** the core's clock (Core.clock): opening half-days are judged by it */
  now: () => Date;
  intervalMs?: number;
  tickMs?: number;
}

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastRun = 0;
  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    void this.trigger('demarrage');
    this.timer = setInterval(() => this.tick(), this.o.tickMs ?? 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** « Synchroniser maintenant »: joins the run in progress if there is one. */
  runNow(): Promise<unknown> {
    return this.trigger('manuel');
  }

  tick(): void {
    const now = this.o.now();
    if (!isOpen(this.o.slots(), now)) return;
    if (now.getTime() - this.lastRun < (this.o.intervalMs ?? 15 * 60_000)) return;
    void this.trigger('horaire');
  }

  private trigger(t: Trigger): Promise<unknown> {
    if (this.running) return this.running;
    this.lastRun = this.o.now().getTime();
    // run() may throw before returning a promise (session locked meanwhile): never let it escape a timer
    this.running = Promise.resolve()
      .then(() => this.o.run(t))
      .catch(() => undefined)
      .finally(() => (this.running = null));
    return this.running;
  }
}
