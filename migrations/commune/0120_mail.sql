-- E-mail (issue 13, « E-mail, for real »): the mairie's mailbox read over IMAP, .eml/.msg dropped in by hand,
-- and outgoing e-mail through the synchronisation's outbox (kind 'mail', sent over SMTP).

-- sync_outbox gains the kind 'mail'. SQLite cannot change a CHECK in place: the table is rebuilt, same columns,
-- same ids (lang_altertable.html §7; the runner turns foreign keys off around migrations and checks them before
-- committing, so sync_inbound's reference to sync_outbox, by name, holds throughout).
CREATE TABLE sync_outbox_mail (
  id              INTEGER PRIMARY KEY,
  idem_key        TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('acte', 'annulation', 'reponse', 'helios', 'classification', 'mail')),
  ref_type        TEXT,
  ref_id          TEXT,
  label           TEXT NOT NULL,
  payload         TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'a_envoyer' CHECK (state IN ('a_envoyer', 'envoi_en_cours', 'envoye', 'recu', 'refuse', 'annule')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  remote_id       TEXT,                      -- S²LOW transaction id
  remote_status   INTEGER,                   -- for a mail: the SMTP reply code
  result          TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
INSERT INTO sync_outbox_mail SELECT id, idem_key, kind, ref_type, ref_id, label, payload, state, attempts, next_attempt_at, last_error, remote_id, remote_status, result, created_at, updated_at FROM sync_outbox;
DROP TABLE sync_outbox;
ALTER TABLE sync_outbox_mail RENAME TO sync_outbox;
CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at);
CREATE INDEX sync_outbox_ref ON sync_outbox (ref_type, ref_id);

-- Every message taken in, once: `cle` is the Message-ID (else the SHA-256 of the raw message). Written in the
-- same transaction as the arrivée, BEFORE the message is flagged on the server: a crash in between only
-- repeats the flag at the next synchronisation, never the registration.
CREATE TABLE mail_recu (
  id           INTEGER PRIMARY KEY,
  cle          TEXT NOT NULL UNIQUE,        -- 'mid:<id@host>' or 'sha256:<hex>'
  source       TEXT NOT NULL CHECK (source IN ('imap', 'depot')),
  dossier      TEXT,                        -- IMAP folder it was read from
  uid          INTEGER,
  message_id   TEXT,
  expediteur   TEXT,
  objet        TEXT,
  date_message TEXT,                        -- the Date header (ISO), when readable
  eml_sha256   TEXT NOT NULL,               -- the raw message, kept in the DocumentStore
  pieces       TEXT NOT NULL DEFAULT '[]',  -- JSON [{nom, sha256, type, taille}]
  arrivee_id   INTEGER,                     -- the courrier arrivée (register) it became
  recu_le      TEXT NOT NULL,
  marque_le    TEXT                         -- flagged / moved on the server; NULL: still to do
);
CREATE INDEX mail_recu_a_marquer ON mail_recu (marque_le) WHERE marque_le IS NULL;
