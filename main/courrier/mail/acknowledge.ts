/**
 * The accusé d'enregistrement électronique leaves without waiting for anyone (domain-rules §3.3, our choice):
 *  - AEE: R112-11-2 wants it « instantly or within one working day » and it only states the date of receipt, so
 *    it needs no human judgement. It is issued as soon as the message is registered and leaves by SMTP at the
 *    next synchronisation (every 15 minutes in opening hours): a secrétaire's day off never makes it late.
 *  - ARE: it must say whether silence will mean acceptance or rejection, and when (R112-11-1), which only the
 *    secrétaire's classification tells; it is issued when she classifies the message (issue.ts areAfterClassify),
 *    within the ten working days the deadlines view counts down.
 * Messages older than the ARE's window (a mailbox connected with its backlog) are left to the secrétaire: an
 * acknowledgement months late, sent in bulk, would confuse more than it protects.
 * L111-2: the agent named is the secrétaire who set up the mailbox (stored beside its settings).
 */
import { AppError } from '../../kernel';
import { readSetting, writeSetting } from '../../commune';
import type { Db } from '../../db';
import type { DocumentStore } from '../../documents';
import { acknowledgeAs, aeeOwedFromMailbox } from '../issue';
import { MAIL_ACTOR } from './intake';

const AGENT_KEY = 'messagerie_agent';
export interface Agent {
  nom: string;
  qualite: string;
}

export const saveMailAgent = (db: Db, agent: Agent): void => writeSetting(db, AGENT_KEY, agent);
export const mailAgent = (db: Db): Agent =>
  readSetting<Agent>(db, AGENT_KEY) ?? { nom: 'Secrétariat de mairie', qualite: 'Secrétariat de mairie' };

/** Issue the AEE of every message taken in from the mailbox that is still owed one; returns how many left. */
export async function acknowledgeReceived(db: Db, docs: DocumentStore, now: () => Date): Promise<number> {
  const owed = aeeOwedFromMailbox(db, now());
  let sent = 0;
  for (const id of owed) {
    try {
      await acknowledgeAs(db, docs, id, 'aee', mailAgent(db), MAIL_ACTOR, now());
      sent++;
    } catch (e) {
      // one bad message (an address the outbox refuses) never blocks the others: it stays in the deadlines view
      if (!(e instanceof AppError)) throw e;
    }
  }
  return sent;
}
