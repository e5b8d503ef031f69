import { formatDateFr } from './dates';
import { joursFrancsBetween, type ConvocationRule } from './convocation';

/**
 * Before the séance opens: were the convocations recorded, and in time? The council may still sit (the
 * convocation may have reached the élus in time — CE Danthony), but deliberations taken on a convocation
 * missing or late are exposed to annulment: the président is warned with the article and decides
 * (L2121-10 for the convocation itself, L2121-11 three jours francs under 3,500 inhabitants, L2121-12 five).
 */
export interface ConvocationRecord {
  seanceDate: string;
  rule: ConvocationRule;
  urgence: boolean;
  enExercice: number;
  /** earliest and latest recorded sending dates, by élu */
  envois: { eluId: number; date: string }[];
}

export function convocationWarning(r: ConvocationRecord): string | null {
  const art = `art. ${r.rule.article} CGCT`;
  if (r.envois.length === 0)
    return `Aucune convocation n'a été enregistrée pour cette séance. Le conseil est convoqué par écrit, ${r.rule.joursFrancs} jour${r.rule.joursFrancs > 1 ? 's' : ''} franc${r.rule.joursFrancs > 1 ? 's' : ''} au moins avant la séance (art. L2121-10 et ${art}) : les délibérations prises sans convocation régulière peuvent être annulées.`;
  const parts: string[] = [];
  const missing = r.enExercice - new Set(r.envois.map((e) => e.eluId)).size;
  if (missing > 0)
    parts.push(
      `${missing} élu${missing > 1 ? 's' : ''} en exercice n'${missing > 1 ? 'ont' : 'a'} pas de convocation enregistrée`,
    );
  const late = r.envois.filter((e) => joursFrancsBetween(e.date, r.seanceDate) < r.rule.joursFrancs);
  if (late.length) {
    const last = late
      .map((e) => e.date)
      .sort()
      .at(-1)!;
    parts.push(
      `${late.length} convocation${late.length > 1 ? 's sont parties' : ' est partie'} trop tard (la dernière le ${formatDateFr(last)}) : il faut ${r.rule.joursFrancs} jour${r.rule.joursFrancs > 1 ? 's' : ''} franc${r.rule.joursFrancs > 1 ? 's' : ''}${r.urgence ? ' en urgence' : ''}, sans compter le jour d'envoi ni celui de la séance (${art})`,
    );
  }
  if (!parts.length) return null;
  return `Convocation irrégulière : ${parts.join(' ; ')}. Les délibérations de cette séance pourraient être annulées.`;
}
