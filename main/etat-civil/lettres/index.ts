/** The letters of the état-civil counter (issue 12): complément, refus, récépissé; pure functions over plain values. */
export { acteDecrit, lettrePdf, type Lettre, type LettreContexte } from './lettre';
export { lettreComplement, lettreComplementPdf, type DecisionIncomplete } from './complement';
export { lettreRefus, lettreRefusPdf, type DecisionRefus } from './refus';
export { recepisseDemande, recepisseDemandePdf } from './recepisse';
