/**
 * The events the core pushes to the window, and their payloads: declared once, below the domains, so that a
 * handler's `ctx.conn.emit` is type-checked without reaching up to the assembled contract. main/api/schemas.ts
 * lists them (EVENTS, what Electron's main relays) and re-exports this map.
 */
export interface EventPayloads {
  'session.locked': { reason: 'inactivite' };
  /** from the transport, not the core: the core process restarted (Electron) or the loopback socket closed */
  'core.restarted': { message?: string };
  'commune.changed': { communeId: string; by?: string };
  /** one document of a séance de signature (main/parapheur/session.ts) */
  'parapheur.progress':
    | {
        type: 'document';
        index: number;
        total: number;
        documentId: number;
        etat: 'en_cours' | 'signe' | 'erreur';
        message?: string;
      }
    | { type: 'arret'; message: string; restants: number[] };
  /** one step of a synchronisation run (main/sync/engine.ts) */
  'sync.progress': {
    phase: 'envoi' | 'reception' | 'termine' | 'hors_ligne';
    done: number;
    total: number;
    message: string;
  };
  /** a USB device was plugged or unplugged: the window rescans the tokens (signing.md §6) */
  'signing.tokenChanged': { what: 'connect' | 'disconnect' };
  /** lines of a CSV import of the état civil (main/etat-civil/import.ts) */
  'etatCivil.progress': { done: number; total: number };
}
