-- Synchronisation with the platform (architecture §6; s2low-protocol.md). The outbox row is written in the
-- same transaction as the change that needs sending; its state survives a crash at any point.
CREATE TABLE sync_outbox (
  id              INTEGER PRIMARY KEY,
  idem_key        TEXT NOT NULL UNIQUE,      -- e.g. 'acte:2026_004': one item per thing to send, ever
  kind            TEXT NOT NULL CHECK (kind IN ('acte', 'annulation', 'reponse', 'helios', 'classification')),
  ref_type        TEXT,                      -- 'deliberation', 'inbound', …
  ref_id          TEXT,
  label           TEXT NOT NULL,             -- what the secrétaire reads, e.g. « Délibération n° 2026_004 »
  payload         TEXT NOT NULL,             -- JSON; documents by SHA-256 in the commune's DocumentStore
  -- a_envoyer: never posted; envoi_en_cours: a POST may have reached the platform (look it up before
  -- re-posting); envoye: platform id known, polling; recu / refuse / annule: final
  state           TEXT NOT NULL DEFAULT 'a_envoyer' CHECK (state IN ('a_envoyer', 'envoi_en_cours', 'envoye', 'recu', 'refuse', 'annule')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,                      -- French, plain
  remote_id       TEXT,                      -- S²LOW transaction id
  remote_status   INTEGER,
  result          TEXT,                      -- JSON: AR (date, IDActe), acquit, refusal
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at);
CREATE INDEX sync_outbox_ref ON sync_outbox (ref_type, ref_id);

-- What came from the platform: préfecture courriers, PES_Retour… Inserted once (platform_key), then marked
-- read on the platform; a crash between the two only repeats the harmless « mark read ».
CREATE TABLE sync_inbound (
  id                INTEGER PRIMARY KEY,
  platform_key      TEXT NOT NULL UNIQUE,    -- 'actes:1234', 'pes_retour:55'
  kind              TEXT NOT NULL,           -- CourrierSimple, DemandePieceComplementaire, LettreObservations, DefereTA, PES_Retour
  outbox_id         INTEGER REFERENCES sync_outbox (id),
  remote_id         TEXT NOT NULL,
  related_remote_id TEXT,
  id_acte           TEXT,
  title             TEXT NOT NULL,
  detail            TEXT,
  documents         TEXT NOT NULL DEFAULT '[]', -- JSON [{nom, sha256}]
  received_at       TEXT NOT NULL,
  read_on_platform  INTEGER NOT NULL DEFAULT 0,
  reply_outbox_id   INTEGER REFERENCES sync_outbox (id)
);
CREATE INDEX sync_inbound_outbox ON sync_inbound (outbox_id);

-- One line per synchronisation run, for « dernière synchronisation » and support.
CREATE TABLE sync_run (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  trigger     TEXT NOT NULL,                 -- 'demarrage', 'horaire', 'manuel'
  outcome     TEXT,                          -- 'ok', 'hors_ligne', 'erreur'
  summary     TEXT
);
