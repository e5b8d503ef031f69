import type { DeliberationRow } from '../conseil/index';
import type { NewItem } from './outbox';
import type { ActePayload } from './s2low/push';

/**
 * The outbox item of an adopted, signed délibération (nature 1 DE, s2low-protocol.md §2.1). `decisionDate` is
 * the séance's date; `typeActe` the typologie of the main PDF (99_DE « Délibération » by default).
 */
export function acteFromDeliberation(
  d: Pick<DeliberationRow, 'id' | 'numero' | 'objet' | 'matiere' | 'pdf_sha256'>,
  decisionDate: string,
  opts: { typeActe?: string; annexes?: ActePayload['annexes'] } = {},
): NewItem {
  if (!d.pdf_sha256) throw new Error(`délibération ${d.numero} sans PDF`);
  const payload: ActePayload = {
    nature: 1,
    classification: d.matiere,
    numero: d.numero,
    date: decisionDate,
    objet: d.objet.slice(0, 499),
    documentPapier: false,
    typeActe: opts.typeActe ?? '99_DE',
    document: { sha256: d.pdf_sha256, nom: `deliberation-${d.numero}.pdf` },
    annexes: opts.annexes ?? [],
  };
  return {
    idemKey: `acte:${d.numero}`,
    kind: 'acte',
    refType: 'deliberation',
    refId: d.id,
    label: `Délibération n° ${d.numero} — ${d.objet.slice(0, 80)}`,
    payload,
  };
}
