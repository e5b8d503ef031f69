import { describe, expect, it } from 'vitest';
import {
  isUnrecognised,
  messageKindLabel,
  nextRunText,
  replacementOf,
  statusText,
  toneOf,
  whatToDo,
  type SyncItem,
} from './labels';

describe('status labels', () => {
  it('an item waiting for the network reads as waiting, never as an error', () => {
    expect(statusText({ state: 'a_envoyer', statut: 'en attente de connexion' })).toBe(
      'en attente de connexion, tout est enregistré',
    );
    expect(statusText({ state: 'envoi_en_cours', statut: 'en attente de connexion' })).toBe(
      'en attente de connexion, tout est enregistré',
    );
    expect(toneOf('envoi_en_cours')).toBe('attente');
  });

  it('keeps the core’s words once sent, received or refused', () => {
    expect(statusText({ state: 'envoye', statut: 'envoyé — en attente de l’accusé de réception' })).toBe(
      'envoyé — en attente de l’accusé de réception',
    );
    const recu = 'reçu par la préfecture le 23/11/2026 (045-214502494-20261120-2026_001-DE)';
    expect(statusText({ state: 'recu', statut: recu })).toBe(recu);
    expect(statusText({ state: 'refuse', statut: "refusé : L'acte est illisible" })).toBe(
      "refusé : L'acte est illisible",
    );
  });

  it('a refused délibération goes back to the secrétaire, with what to do', () => {
    expect(whatToDo({ kind: 'acte', state: 'refuse' })).toMatch(/vous revient.*transmettez-le de nouveau/);
    expect(whatToDo({ kind: 'helios', state: 'refuse' })).toMatch(/comptable/);
    expect(whatToDo({ kind: 'acte', state: 'recu' })).toBeNull();
  });
});

describe('next automatic run, in words (the core decides it)', () => {
  it('names the day and hour the core gives, Paris time', () => {
    expect(nextRunText({ le: '2026-11-26T12:30:00.000Z', jusqua: null })).toBe(
      'Jeudi 26/11/2026 à 13 h 30 (demi-journée d’ouverture de la mairie).',
    );
  });
  it('during an opening half-day, every 15 minutes until the end the core gives', () => {
    expect(nextRunText({ le: '2026-11-24T08:37:00.000Z', jusqua: '2026-11-24T11:00:00.000Z' })).toBe(
      'Pendant la demi-journée d’ouverture en cours : toutes les 15 minutes, jusqu’à 12 h 00.',
    );
  });
  it('without opening hours, at start-up and on demand', () => {
    expect(nextRunText(null)).toMatch(/au démarrage et quand vous le demandez/);
  });
});

describe('platform messages and replaced transmissions', () => {
  const base: SyncItem = {
    id: 1,
    kind: 'acte',
    label: 'Délibération n° 2026_001',
    state: 'refuse',
    statut: 'refusé : x',
    attempts: 1,
    lastError: null,
    updatedAt: '2026-11-23T09:00:00Z',
    refType: 'deliberation',
    refId: '5',
    renvoyable: false,
  };
  it('names the kinds Clocher shows without answering them', () => {
    expect(messageKindLabel('inconnu')).toBe('Message non reconnu');
    expect(messageKindLabel('PieceComplementaire')).toBe('Pièces complémentaires envoyées');
    expect(messageKindLabel('RefusPieceComplementaire')).toBe('Refus d’envoi de pièces complémentaires');
    expect(isUnrecognised('inconnu')).toBe(true);
    expect(isUnrecognised('CourrierSimple')).toBe(false);
  });
  it('a refused act is replaced only by a later accepted act of the same délibération', () => {
    const later = { ...base, id: 2, state: 'recu' as const };
    expect(replacementOf(base, [base, later])).toBe(later);
    expect(replacementOf(base, [base, { ...later, state: 'envoye' as const }])).toBeNull();
    expect(replacementOf(base, [base, { ...later, refId: '6' }])).toBeNull();
    expect(replacementOf(base, [base, { ...later, kind: 'annulation' as const }])).toBeNull();
    expect(replacementOf({ ...base, state: 'recu' }, [base, later])).toBeNull();
  });
});
