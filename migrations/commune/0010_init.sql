-- The commune's own dossier: identity, opening half-days, council, settings, and the append-only journal.
CREATE TABLE commune (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  nom            TEXT NOT NULL,
  code_insee     TEXT NOT NULL CHECK (length(code_insee) = 5),
  siren          TEXT NOT NULL CHECK (length(siren) = 9),
  departement    TEXT NOT NULL,
  arrondissement TEXT NOT NULL,
  adresse        TEXT NOT NULL,
  code_postal    TEXT NOT NULL,
  telephone      TEXT NOT NULL,
  email          TEXT NOT NULL,
  population     INTEGER NOT NULL CHECK (population >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Half-days when the mairie is open (weekday 1 = lundi … 7 = dimanche). The sync scheduler runs at these.
CREATE TABLE opening_slot (
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  period  TEXT NOT NULL CHECK (period IN ('matin', 'apres-midi')),
  PRIMARY KEY (weekday, period)
) WITHOUT ROWID;

CREATE TABLE elu (
  id             INTEGER PRIMARY KEY,
  civilite       TEXT NOT NULL CHECK (civilite IN ('M.', 'Mme')),
  nom            TEXT NOT NULL,
  prenom         TEXT NOT NULL,
  date_naissance TEXT,
  fonction       TEXT NOT NULL CHECK (fonction IN ('maire', 'adjoint', 'conseiller')),
  rang_adjoint   INTEGER CHECK (rang_adjoint IS NULL OR rang_adjoint >= 1),
  mandat_debut   TEXT NOT NULL,
  mandat_fin     TEXT,
  email          TEXT,
  created_at     TEXT NOT NULL,
  CHECK (mandat_fin IS NULL OR mandat_fin >= mandat_debut),
  CHECK ((fonction = 'adjoint') = (rang_adjoint IS NOT NULL))
);
CREATE INDEX elu_mandat ON elu (mandat_debut, mandat_fin);

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) WITHOUT ROWID;

-- Journal: who did what, when, on which object. Append-only: the triggers refuse any change.
CREATE TABLE journal (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  user_login  TEXT,
  user_name   TEXT,
  action      TEXT NOT NULL,
  object_type TEXT,
  object_id   TEXT,
  summary     TEXT NOT NULL,
  details     TEXT -- JSON, never a password nor a document's content
);
CREATE INDEX journal_at ON journal (at);
CREATE INDEX journal_user ON journal (user_login, at);
CREATE INDEX journal_action ON journal (action, at);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;
