-- Conseil municipal: séances from the convocation to the registre (CGCT L2121-7 to L2121-26, R2121-9).
-- Extends the seance and deliberation tables of 0030; defaults keep imported history valid.

ALTER TABLE seance ADD COLUMN statut TEXT NOT NULL DEFAULT 'close'
  CHECK (statut IN ('preparation', 'convoquee', 'en_cours', 'close'));
ALTER TABLE seance ADD COLUMN reconvocation_de INTEGER REFERENCES seance (id);
ALTER TABLE seance ADD COLUMN urgence_motif TEXT;
ALTER TABLE seance ADD COLUMN president_elu_id INTEGER REFERENCES elu (id);
ALTER TABLE seance ADD COLUMN convocation_affichee_le TEXT;  -- YYYY-MM-DD, public posting (L2121-10)
ALTER TABLE seance ADD COLUMN ouverte_a TEXT;                -- ISO date-time
ALTER TABLE seance ADD COLUMN levee_a TEXT;
ALTER TABLE seance ADD COLUMN liste_publiee_le TEXT;         -- liste des délibérations (L2121-25)

-- Ordre du jour: one row per item, in order.
CREATE TABLE point_odj (
  id                  INTEGER PRIMARY KEY,
  seance_id           INTEGER NOT NULL REFERENCES seance (id),
  rang                INTEGER NOT NULL CHECK (rang >= 1),
  titre               TEXT NOT NULL,
  rapporteur_elu_id   INTEGER REFERENCES elu (id),
  projet              TEXT NOT NULL DEFAULT '',   -- projet de délibération
  matiere             TEXT NOT NULL,              -- ACTES classification code
  icpe                INTEGER NOT NULL DEFAULT 0 CHECK (icpe IN (0, 1)),   -- L2121-12 last al.
  compte_administratif INTEGER NOT NULL DEFAULT 0 CHECK (compte_administratif IN (0, 1)), -- L2121-14, L1612-12
  scrutin             TEXT NOT NULL DEFAULT 'main_levee'
    CHECK (scrutin IN ('main_levee', 'scrutin_public', 'scrutin_secret', 'nomination')),
  statut              TEXT NOT NULL DEFAULT 'a_examiner'
    CHECK (statut IN ('a_examiner', 'delibere', 'reporte', 'retire')),
  UNIQUE (seance_id, rang)
);

CREATE TABLE annexe (
  id         INTEGER PRIMARY KEY,
  point_id   INTEGER NOT NULL REFERENCES point_odj (id),
  nom        TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  taille     INTEGER NOT NULL,
  pages      INTEGER NOT NULL,
  type_pj    TEXT,          -- ACTES typologie of the piece (classification, nature 1); untyped annexes are not transmitted
  created_at TEXT NOT NULL
);
CREATE INDEX annexe_point ON annexe (point_id);

-- Convocation of each élu: channel and date of sending (the date that counts, CE 19 mars 1969 Doullens).
CREATE TABLE convocation_envoi (
  seance_id INTEGER NOT NULL REFERENCES seance (id),
  elu_id    INTEGER NOT NULL REFERENCES elu (id),
  mode      TEXT NOT NULL CHECK (mode IN ('dematerialise', 'papier')),
  envoye_le TEXT NOT NULL,     -- YYYY-MM-DD: e-mail sent, or paper handed over / posted
  sha256    TEXT,              -- the convocation PDF sent
  PRIMARY KEY (seance_id, elu_id)
) WITHOUT ROWID;

-- Presence at the opening of the séance, then arrivals and departures before a given item.
CREATE TABLE presence (
  seance_id INTEGER NOT NULL REFERENCES seance (id),
  elu_id    INTEGER NOT NULL REFERENCES elu (id),
  statut    TEXT NOT NULL CHECK (statut IN ('present', 'absent', 'excuse', 'represente')),
  PRIMARY KEY (seance_id, elu_id)
) WITHOUT ROWID;

CREATE TABLE mouvement (
  id        INTEGER PRIMARY KEY,
  seance_id INTEGER NOT NULL REFERENCES seance (id),
  elu_id    INTEGER NOT NULL REFERENCES elu (id),
  avant_rang INTEGER NOT NULL,  -- takes effect from this item on
  type      TEXT NOT NULL CHECK (type IN ('arrivee', 'depart'))
);
CREATE INDEX mouvement_seance ON mouvement (seance_id, avant_rang);

CREATE TABLE secretaire_seance (
  seance_id INTEGER NOT NULL REFERENCES seance (id),
  elu_id    INTEGER NOT NULL REFERENCES elu (id),
  PRIMARY KEY (seance_id, elu_id)
) WITHOUT ROWID;

-- Pouvoirs (L2121-20): one written document, valid for up to three consecutive séances.
CREATE TABLE pouvoir (
  id                INTEGER PRIMARY KEY,
  mandant_elu_id    INTEGER NOT NULL REFERENCES elu (id),
  mandataire_elu_id INTEGER NOT NULL REFERENCES elu (id),
  signe_le          TEXT NOT NULL,
  maladie           INTEGER NOT NULL DEFAULT 0 CHECK (maladie IN (0, 1)),
  sha256            TEXT,          -- scan of the written proxy
  created_at        TEXT NOT NULL
);
CREATE TABLE pouvoir_seance (
  pouvoir_id INTEGER NOT NULL REFERENCES pouvoir (id),
  seance_id  INTEGER NOT NULL REFERENCES seance (id),
  PRIMARY KEY (pouvoir_id, seance_id)
) WITHOUT ROWID;
CREATE INDEX pouvoir_seance_by_seance ON pouvoir_seance (seance_id);

-- Élus intéressés who withdraw for an item (L2131-11).
CREATE TABLE interesse (
  point_id INTEGER NOT NULL REFERENCES point_odj (id),
  elu_id   INTEGER NOT NULL REFERENCES elu (id),
  PRIMARY KEY (point_id, elu_id)
) WITHOUT ROWID;

CREATE TABLE vote (
  point_id          INTEGER PRIMARY KEY REFERENCES point_odj (id),
  en_exercice       INTEGER NOT NULL,
  presents          INTEGER NOT NULL,
  representes       INTEGER NOT NULL,
  votants           INTEGER NOT NULL,
  pour              INTEGER NOT NULL,
  contre            INTEGER NOT NULL,
  abstention        INTEGER NOT NULL,
  mode              TEXT NOT NULL,
  president_choix   TEXT,
  voix_preponderante INTEGER NOT NULL DEFAULT 0,
  adopte            INTEGER NOT NULL CHECK (adopte IN (0, 1)),
  message           TEXT NOT NULL,
  created_at        TEXT NOT NULL
);

-- Named votes for a scrutin public (L2121-21: the register records names and votes).
CREATE TABLE vote_nominatif (
  point_id INTEGER NOT NULL REFERENCES point_odj (id),
  elu_id   INTEGER NOT NULL REFERENCES elu (id),
  choix    TEXT NOT NULL CHECK (choix IN ('pour', 'contre', 'abstention')),
  PRIMARY KEY (point_id, elu_id)
) WITHOUT ROWID;

-- Rounds of a nomination by secret ballot (L2121-21).
CREATE TABLE nomination_tour (
  point_id  INTEGER NOT NULL REFERENCES point_odj (id),
  tour      INTEGER NOT NULL CHECK (tour BETWEEN 1 AND 3),
  resultat  TEXT NOT NULL, -- JSON: candidates with votes, blancs/nuls, elected
  PRIMARY KEY (point_id, tour)
) WITHOUT ROWID;

ALTER TABLE deliberation ADD COLUMN point_id INTEGER REFERENCES point_odj (id);
ALTER TABLE deliberation ADD COLUMN texte TEXT NOT NULL DEFAULT '';
ALTER TABLE deliberation ADD COLUMN signature TEXT NOT NULL DEFAULT 'signee' CHECK (signature IN ('a_signer', 'signee'));
ALTER TABLE deliberation ADD COLUMN transmission TEXT NOT NULL DEFAULT 'non_soumise'
  CHECK (transmission IN ('non_soumise', 'a_transmettre', 'transmise', 'ar_recu', 'anomalie'));
ALTER TABLE deliberation ADD COLUMN anomalie_motif TEXT;  -- the préfecture's refusal (AnomalieActe), shown to the secrétaire
ALTER TABLE deliberation ADD COLUMN ar_date TEXT;
ALTER TABLE deliberation ADD COLUMN ar_identifiant TEXT;
ALTER TABLE deliberation ADD COLUMN mode_publicite TEXT CHECK (mode_publicite IN ('affichage', 'papier', 'electronique'));
ALTER TABLE deliberation ADD COLUMN publication_debut TEXT;
ALTER TABLE deliberation ADD COLUMN publication_fin TEXT;
ALTER TABLE deliberation ADD COLUMN pdf_sha256 TEXT;
ALTER TABLE deliberation ADD COLUMN bordereau_sha256 TEXT;  -- bordereau d'acquittement (S²LOW §2.5), DocumentStore
ALTER TABLE deliberation ADD COLUMN tampon_sha256 TEXT;     -- the act stamped « reçu en préfecture » (S²LOW §2.5)
ALTER TABLE deliberation ADD COLUMN created_at TEXT;
CREATE INDEX deliberation_point ON deliberation (point_id);
CREATE INDEX deliberation_etats ON deliberation (signature, transmission);

-- Once adopted, a délibération is not edited: a correction is a new délibération. Workflow columns
-- (signature, transmission, AR, publication, PDF) may still move forward.
CREATE TRIGGER deliberation_immuable BEFORE UPDATE OF seance_id, numero, objet, matiere, pour, contre, abstention, adoptee, texte, point_id ON deliberation
BEGIN SELECT RAISE(ABORT, 'deliberation_immuable'); END;
CREATE TRIGGER deliberation_pas_de_suppression BEFORE DELETE ON deliberation
BEGIN SELECT RAISE(ABORT, 'deliberation_immuable'); END;

-- Procès-verbal (L2121-15): drafted, arrêté at the next séance, signed, published within 7 days.
CREATE TABLE pv (
  seance_id        INTEGER PRIMARY KEY REFERENCES seance (id),
  statut           TEXT NOT NULL DEFAULT 'brouillon' CHECK (statut IN ('brouillon', 'arrete', 'signe', 'publie')),
  debats           TEXT NOT NULL DEFAULT '',  -- substance of the discussions
  arrete_le        TEXT,
  arrete_seance_id INTEGER REFERENCES seance (id),
  publie_le        TEXT,
  pdf_sha256       TEXT
);
