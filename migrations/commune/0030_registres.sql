-- Index of the commune's registers, filled by the état civil, courrier and conseil domains (and by the
-- large-commune generator). Domains extend these tables in their own migrations.

-- Actes d'état civil held in the commune's registers (index, not the scanned pages).
CREATE TABLE acte_etat_civil (
  id              INTEGER PRIMARY KEY,
  type            TEXT NOT NULL CHECK (type IN ('naissance', 'mariage', 'deces', 'reconnaissance')),
  annee           INTEGER NOT NULL,
  numero          INTEGER NOT NULL,
  date_acte       TEXT NOT NULL,
  nom             TEXT NOT NULL,
  prenoms         TEXT NOT NULL,
  nom_conjoint    TEXT,
  prenoms_conjoint TEXT,
  date_evenement  TEXT NOT NULL,
  lieu_evenement  TEXT NOT NULL,
  UNIQUE (type, annee, numero)
);
CREATE INDEX acte_nom ON acte_etat_civil (nom COLLATE NOCASE, prenoms);
CREATE INDEX acte_conjoint ON acte_etat_civil (nom_conjoint COLLATE NOCASE) WHERE nom_conjoint IS NOT NULL;

-- Registre du courrier arrivée / départ (chronological number per year and direction).
CREATE TABLE courrier (
  id              INTEGER PRIMARY KEY,
  sens            TEXT NOT NULL CHECK (sens IN ('arrivee', 'depart')),
  annee           INTEGER NOT NULL,
  numero          INTEGER NOT NULL,
  date_courrier   TEXT NOT NULL,
  date_enregistrement TEXT NOT NULL,
  correspondant   TEXT NOT NULL,
  objet           TEXT NOT NULL,
  canal           TEXT NOT NULL CHECK (canal IN ('papier', 'courriel', 'sve', 'prefecture')),
  UNIQUE (sens, annee, numero)
);
CREATE INDEX courrier_date ON courrier (date_enregistrement);

CREATE TABLE seance (
  id        INTEGER PRIMARY KEY,
  date      TEXT NOT NULL,          -- YYYY-MM-DD
  heure     TEXT NOT NULL,          -- HH:MM
  lieu      TEXT NOT NULL,
  nature    TEXT NOT NULL CHECK (nature IN ('ordinaire', 'demande', 'urgence')),
  created_at TEXT NOT NULL
);
CREATE INDEX seance_date ON seance (date);

CREATE TABLE deliberation (
  id              INTEGER PRIMARY KEY,
  seance_id       INTEGER NOT NULL REFERENCES seance (id),
  numero          TEXT NOT NULL UNIQUE,  -- ACTES « numéro interne »
  objet           TEXT NOT NULL,
  matiere         TEXT NOT NULL,         -- ACTES classification code, e.g. '7.1'
  pour            INTEGER NOT NULL DEFAULT 0,
  contre          INTEGER NOT NULL DEFAULT 0,
  abstention      INTEGER NOT NULL DEFAULT 0,
  adoptee         INTEGER NOT NULL CHECK (adoptee IN (0, 1))
);
CREATE INDEX deliberation_seance ON deliberation (seance_id);
