-- The installation's own database: who may log in, and which communes live in this installation.
-- Each commune's data is in its own file; nothing of a commune is stored here but its name and file.
CREATE TABLE user (
  id                   INTEGER PRIMARY KEY,
  login                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,   -- scrypt, never the password
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_count         INTEGER NOT NULL DEFAULT 0,
  last_failed_at       TEXT,
  created_at           TEXT NOT NULL
);

CREATE TABLE commune_ref (
  id             TEXT PRIMARY KEY,      -- folder name: INSEE code + slug
  nom            TEXT NOT NULL,
  code_insee     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  last_opened_at TEXT
);

CREATE TABLE user_role (
  user_id    INTEGER NOT NULL REFERENCES user (id),
  commune_id TEXT NOT NULL REFERENCES commune_ref (id),
  role       TEXT NOT NULL CHECK (role IN ('secretaire', 'maire', 'adjoint', 'conseiller', 'support')),
  PRIMARY KEY (user_id, commune_id)
) WITHOUT ROWID;

-- Installation-level events (failed logins, account recovery), append-only like a commune's journal.
CREATE TABLE journal (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  user_login TEXT,
  action     TEXT NOT NULL,
  summary    TEXT NOT NULL
);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
) WITHOUT ROWID;
