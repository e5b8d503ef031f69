-- État civil (issue 11): registers, acts, persons, mentions marginales, avis de mention, scans, search index.
-- domain-rules §2. The index table acte_etat_civil of 0030 is rebuilt (SQLite cannot widen a CHECK): it gains
-- the transcriptions de décès and enfants sans vie, a register, a status and the usage names.

-- A register: one year and one kind, or 'unique' where the commune keeps all kinds in one (C. civ. art. 40,
-- décret 2017-890 art. 13). Closed on the date of its last act (instruction DAF/DPACI/RES/2009/018), bound later.
CREATE TABLE ec_registre (
  id          INTEGER PRIMARY KEY,
  annee       INTEGER NOT NULL CHECK (annee BETWEEN 1792 AND 2200),
  type        TEXT NOT NULL CHECK (type IN ('naissance', 'reconnaissance', 'mariage', 'deces', 'transcription_deces', 'enfant_sans_vie', 'unique')),
  ouvert_le   TEXT,
  clos_le     TEXT,
  relie_le    TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (annee, type)
);

-- Scanned pages of a register, page by page; the file itself is in the content-addressed DocumentStore.
CREATE TABLE ec_registre_page (
  registre_id INTEGER NOT NULL REFERENCES ec_registre (id),
  page        INTEGER NOT NULL CHECK (page >= 1),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/tiff')),
  nom         TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (registre_id, page)
) WITHOUT ROWID;

CREATE TABLE acte_new (
  id              INTEGER PRIMARY KEY,
  type            TEXT NOT NULL CHECK (type IN ('naissance', 'reconnaissance', 'mariage', 'deces', 'transcription_deces', 'enfant_sans_vie')),
  annee           INTEGER NOT NULL,
  numero          INTEGER NOT NULL CHECK (numero >= 1),
  date_acte       TEXT NOT NULL,
  nom             TEXT NOT NULL,
  prenoms         TEXT NOT NULL,
  nom_conjoint    TEXT,
  prenoms_conjoint TEXT,
  date_evenement  TEXT,
  lieu_evenement  TEXT,
  registre_id     INTEGER REFERENCES ec_registre (id),
  heure_evenement TEXT CHECK (heure_evenement IS NULL OR heure_evenement GLOB '[0-2][0-9]:[0-5][0-9]'),
  nom_usage       TEXT,
  nom_usage_conjoint TEXT,
  sexe            TEXT CHECK (sexe IS NULL OR sexe IN ('M', 'F')),
  -- 'indexe': enough to find it and show its page; 'saisi': keyed in full, extracts can be generated
  statut          TEXT NOT NULL DEFAULT 'indexe' CHECK (statut IN ('indexe', 'saisi')),
  officier        TEXT,
  page            INTEGER CHECK (page IS NULL OR page >= 1),
  pages           INTEGER NOT NULL DEFAULT 1 CHECK (pages >= 1),
  updated_at      TEXT,
  UNIQUE (type, annee, numero)
);
INSERT INTO acte_new (id, type, annee, numero, date_acte, nom, prenoms, nom_conjoint, prenoms_conjoint, date_evenement, lieu_evenement)
  SELECT id, type, annee, numero, date_acte, nom, prenoms, nom_conjoint, prenoms_conjoint, date_evenement, lieu_evenement FROM acte_etat_civil;
DROP TABLE acte_etat_civil;
ALTER TABLE acte_new RENAME TO acte_etat_civil;
CREATE INDEX acte_nom ON acte_etat_civil (nom COLLATE NOCASE, prenoms);
CREATE INDEX acte_conjoint ON acte_etat_civil (nom_conjoint COLLATE NOCASE) WHERE nom_conjoint IS NOT NULL;
CREATE INDEX acte_annee ON acte_etat_civil (annee, type);
-- newest first: the search walks this index when a short prefix matches thousands of acts (search.ts)
CREATE INDEX acte_date ON acte_etat_civil (date_acte, id);
CREATE INDEX acte_registre ON acte_etat_civil (registre_id, page);

-- The persons of a keyed act (C. civ. art. 57, 76, 79): titulaire(s) (rang 1, 2 for the époux), their parents
-- (rang 1-2 of titulaire 1, 3-4 of titulaire 2), the other spouse of a deceased, the déclarant, the témoins.
CREATE TABLE ec_personne (
  id              INTEGER PRIMARY KEY,
  acte_id         INTEGER NOT NULL REFERENCES acte_etat_civil (id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('titulaire', 'parent', 'conjoint', 'declarant', 'temoin', 'auteur')),
  rang            INTEGER NOT NULL DEFAULT 1 CHECK (rang BETWEEN 1 AND 8),
  nom             TEXT NOT NULL,
  nom_partie1     TEXT, -- a double name's parts, written « (1re partie : … 2de partie : …) » (arrêté 1er juin 2006)
  nom_partie2     TEXT,
  nom_usage       TEXT,
  prenoms         TEXT NOT NULL DEFAULT '',
  sexe            TEXT CHECK (sexe IS NULL OR sexe IN ('M', 'F')),
  date_naissance  TEXT,
  lieu_naissance  TEXT,
  profession      TEXT,
  domicile        TEXT,
  UNIQUE (acte_id, role, rang)
);
CREATE INDEX ec_personne_acte ON ec_personne (acte_id);

-- Mentions marginales (C. civ. art. 49; wording: circulaire du 26 août 2020, NOR JUSC2021489C). Editable as a
-- draft; once validated it is immutable and a correction is a new mention (the triggers below).
CREATE TABLE ec_mention (
  id              INTEGER PRIMARY KEY,
  acte_id         INTEGER NOT NULL REFERENCES acte_etat_civil (id),
  nature          TEXT NOT NULL,
  date_evenement  TEXT,
  lieu_evenement  TEXT,
  donnees         TEXT NOT NULL DEFAULT '{}', -- JSON: the structured fields the wording is built from
  texte           TEXT NOT NULL,
  statut          TEXT NOT NULL DEFAULT 'brouillon' CHECK (statut IN ('brouillon', 'validee')),
  echeance        TEXT, -- 3 days (art. 49) when triggered by an act drawn up here
  source_acte_id  INTEGER REFERENCES acte_etat_civil (id),
  avis_id         INTEGER REFERENCES ec_avis (id),
  appliquee_le    TEXT,
  officier        TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX ec_mention_acte ON ec_mention (acte_id);
CREATE TRIGGER ec_mention_immuable BEFORE UPDATE ON ec_mention WHEN OLD.statut = 'validee'
BEGIN SELECT RAISE(ABORT, 'mention_validee_immuable'); END;
CREATE TRIGGER ec_mention_no_delete BEFORE DELETE ON ec_mention WHEN OLD.statut = 'validee'
BEGIN SELECT RAISE(ABORT, 'mention_validee_immuable'); END;

-- Avis de mention (C. civ. art. 49; IGREC n° 229, 229-1, 259). 'sortant': sent to the commune holding the
-- other act, within 3 days, récépissé expected back, reminders; 'entrant': received, to apply here, récépissé
-- to send. Récépissés are kept 10 years (conserver_jusqu_au).
CREATE TABLE ec_avis (
  id              INTEGER PRIMARY KEY,
  sens            TEXT NOT NULL CHECK (sens IN ('sortant', 'entrant')),
  acte_id         INTEGER REFERENCES acte_etat_civil (id), -- sortant: the act drawn up here; entrant: the act to annotate
  commune         TEXT NOT NULL, -- the other commune (destinataire or émettrice)
  acte_vise       TEXT NOT NULL, -- the other act as its register names it (kind, date, n°, titulaire)
  nature          TEXT NOT NULL,
  date_evenement  TEXT,
  lieu_evenement  TEXT,
  donnees         TEXT NOT NULL DEFAULT '{}',
  texte           TEXT NOT NULL,
  echeance        TEXT,
  envoye_le       TEXT,
  lettre_sha256   TEXT,
  recu_le         TEXT,
  recepisse_le    TEXT,
  recepisse_sha256 TEXT,
  relances        INTEGER NOT NULL DEFAULT 0,
  derniere_relance_le TEXT,
  mention_id      INTEGER REFERENCES ec_mention (id),
  conserver_jusqu_au TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX ec_avis_sens ON ec_avis (sens, recepisse_le);

-- Search as you type: any part of the names, accent- and case-insensitive, by prefix (index 1-3 letters).
-- Contentless: the text lives in the tables; triggers keep it in step with acts and persons.
CREATE VIRTUAL TABLE acte_fts USING fts5(
  noms, prenoms, parents,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE VIEW acte_fts_source AS
  SELECT a.id,
    a.nom || ' ' || coalesce(a.nom_usage, '') || ' ' || coalesce(a.nom_conjoint, '') || ' ' || coalesce(a.nom_usage_conjoint, '') AS noms,
    a.prenoms || ' ' || coalesce(a.prenoms_conjoint, '') AS prenoms,
    coalesce((SELECT group_concat(p.nom || ' ' || coalesce(p.nom_usage, '') || ' ' || p.prenoms, ' ') FROM ec_personne p WHERE p.acte_id = a.id AND p.role = 'parent'), '') AS parents
  FROM acte_etat_civil a;
INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source;
CREATE TRIGGER acte_fts_ai AFTER INSERT ON acte_etat_civil BEGIN
  INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source WHERE id = NEW.id;
END;
CREATE TRIGGER acte_fts_au AFTER UPDATE OF nom, prenoms, nom_conjoint, prenoms_conjoint, nom_usage, nom_usage_conjoint ON acte_etat_civil BEGIN
  DELETE FROM acte_fts WHERE rowid = OLD.id;
  INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source WHERE id = NEW.id;
END;
CREATE TRIGGER acte_fts_ad AFTER DELETE ON acte_etat_civil BEGIN
  DELETE FROM acte_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER ec_personne_fts_ai AFTER INSERT ON ec_personne WHEN NEW.role = 'parent' BEGIN
  DELETE FROM acte_fts WHERE rowid = NEW.acte_id;
  INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source WHERE id = NEW.acte_id;
END;
CREATE TRIGGER ec_personne_fts_au AFTER UPDATE ON ec_personne WHEN NEW.role = 'parent' OR OLD.role = 'parent' BEGIN
  DELETE FROM acte_fts WHERE rowid = NEW.acte_id;
  INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source WHERE id = NEW.acte_id;
END;
CREATE TRIGGER ec_personne_fts_ad AFTER DELETE ON ec_personne WHEN OLD.role = 'parent' BEGIN
  DELETE FROM acte_fts WHERE rowid = OLD.acte_id;
  INSERT INTO acte_fts (rowid, noms, prenoms, parents) SELECT id, noms, prenoms, parents FROM acte_fts_source WHERE id = OLD.acte_id;
END;
