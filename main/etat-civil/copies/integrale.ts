/**
 * Copie intégrale from the keyed act: everything the act holds (C. civ. art. 57 birth, 62 reconnaissance,
 * 76 marriage, 79 death, 79-1 enfant sans vie) — every person, the filiation as drawn up, the témoins, the
 * officier — and every validated mention with when and by whom it was made (domain-rules §2.1, §2.7).
 */
import { certification, enTete, mentionsBlock, naissanceDe, officierBlock } from './blocks';
import type { ActeData, Mention, Personne } from './data';
import { jjmmaaaa, ne, personneEcrite, quandOu, sexeLabel } from './rules';
import type { Sheet } from './sheet';
import type { ProduceInput } from './types';

const byRole = (d: ActeData, role: Personne['role']) =>
  d.personnes.filter((p) => p.role === role).sort((a, b) => a.rang - b.rang);
const accorde = (p: Personne, m: string, f: string, x: string) => (p.sexe === 'M' ? m : p.sexe === 'F' ? f : x);

function label(d: ActeData, p: Personne): string {
  switch (p.role) {
    case 'titulaire':
      if (d.acte.type === 'mariage') return accorde(p, 'Époux', 'Épouse', `Époux ${p.rang}`);
      if (d.acte.type === 'deces' || d.acte.type === 'transcription_deces') return 'Personne décédée';
      return d.acte.type === 'enfant_sans_vie' ? 'Enfant sans vie' : 'Enfant';
    case 'parent': {
      const of = d.acte.type === 'mariage' ? ` de l’époux ${p.rang <= 2 ? 1 : 2}` : '';
      return `${accorde(p, 'Père', 'Mère', 'Parent')}${of}`;
    }
    case 'conjoint':
      return 'Autre époux';
    case 'declarant':
      return accorde(p, 'Déclarant', 'Déclarante', 'Déclarant');
    case 'temoin':
      return `Témoin ${p.rang}`;
    case 'auteur':
      return 'Auteur de la reconnaissance';
  }
}

/** « Paul MARTIN, né le … à …, profession : …, domicile : …, nom d’usage : … » */
function complet(p: Personne): string {
  const parts = [`${personneEcrite(p)}${naissanceDe(p)}`];
  if (p.nom_usage) parts.push(`nom d’usage : ${p.nom_usage}`);
  if (p.profession) parts.push(`profession : ${p.profession}`);
  if (p.domicile) parts.push(`domicile : ${p.domicile}`);
  return parts.join(', ');
}

function evenement(d: ActeData): string {
  const a = d.acte;
  const t = byRole(d, 'titulaire')[0];
  const when = quandOu(a.date_evenement, a.heure_evenement, a.lieu_evenement);
  switch (a.type) {
    case 'naissance':
      return `${ne(t?.sexe ?? a.sexe) ?? 'Naissance :'} ${when}${sexeLabel(t?.sexe ?? a.sexe) ? `, de sexe ${sexeLabel(t?.sexe ?? a.sexe)}` : ''}.`;
    case 'mariage':
      return `Mariage célébré ${when}.`;
    case 'deces':
    case 'transcription_deces':
      return `${t ? accorde(t, 'Décédé', 'Décédée', 'Décès :') : 'Décès :'} ${when}.`;
    case 'reconnaissance':
      return `Reconnaissance reçue ${when}.`;
    case 'enfant_sans_vie':
      return `Accouchement ${when}${sexeLabel(t?.sexe) ? `, enfant de sexe ${sexeLabel(t?.sexe)}` : ''}.`;
  }
}

export function drawIntegrale(s: Sheet, d: ActeData, input: ProduceInput, mentions: readonly Mention[]): void {
  enTete(
    s,
    d,
    `Copie intégrale d’acte de ${d.acte.type === 'transcription_deces' ? 'décès (transcription)' : labelOf(d)}`,
    null,
    input,
  );
  s.text(evenement(d), { size: 11, bold: true, after: 8 });
  const order: Personne['role'][] = ['titulaire', 'auteur', 'parent', 'conjoint', 'declarant', 'temoin'];
  for (const role of order)
    for (const p of byRole(d, role)) s.text(`${label(d, p)} : ${complet(p)}`, { size: 10.5, after: 4 });
  s.spacer(4).text(
    `Acte dressé le ${jjmmaaaa(d.acte.date_acte)}${d.acte.officier ? ` par ${d.acte.officier}, officier de l’état civil` : ''}.`,
    { size: 10.5 },
  );
  mentionsBlock(s, mentions, true);
  certification(s, input, 'Copie intégrale certifiée conforme au registre.');
  officierBlock(s, d, input);
}

const labelOf = (d: ActeData) =>
  ({
    naissance: 'naissance',
    mariage: 'mariage',
    deces: 'décès',
    transcription_deces: 'décès',
    reconnaissance: 'reconnaissance',
    enfant_sans_vie: 'enfant sans vie',
  })[d.acte.type];
