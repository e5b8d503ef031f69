-- Parapheur and signatures (issue 4; domain-rules §1.11 and §4.3).

-- Délégations register: arrêtés L2122-18 (fonctions, élus), L2122-19 (signature, agents), R2122-8
-- (copies and certifications, agents titulaires), R2122-10 (officier d'état civil, fonctionnaires titulaires).
CREATE TABLE delegation (
  id                 INTEGER PRIMARY KEY,
  article            TEXT NOT NULL CHECK (article IN ('L2122-18', 'L2122-19', 'R2122-8', 'R2122-10')),
  delegant_elu_id    INTEGER NOT NULL REFERENCES elu (id),           -- the maire who signed the arrêté
  delegataire_elu_id INTEGER REFERENCES elu (id),                    -- an adjoint or conseiller (L2122-18)
  delegataire_nom    TEXT,                                           -- an agent (L2122-19, R2122-8, R2122-10)
  delegataire_qualite TEXT NOT NULL,                                 -- shown on the stamp
  titulaire          INTEGER NOT NULL DEFAULT 0 CHECK (titulaire IN (0, 1)), -- R2122-8 / R2122-10: fonctionnaire titulaire
  objets             TEXT NOT NULL,                                  -- JSON array of document kinds
  arrete_numero      TEXT NOT NULL,
  arrete_date        TEXT NOT NULL,                                  -- YYYY-MM-DD
  debut              TEXT NOT NULL,
  fin                TEXT,                                           -- NULL: until the delegating maire's mandate ends
  rang               INTEGER NOT NULL DEFAULT 1 CHECK (rang >= 1),   -- priority when two have the same matter
  revoquee_le        TEXT,
  created_at         TEXT NOT NULL,
  CHECK ((delegataire_elu_id IS NULL) <> (delegataire_nom IS NULL)),
  CHECK (fin IS NULL OR fin >= debut),
  CHECK (debut >= arrete_date)
);
CREATE INDEX delegation_delegataire ON delegation (delegataire_elu_id);

-- A document in the parapheur: one version chain (original → each signed version), one circuit.
CREATE TABLE parapheur_document (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('deliberation', 'pv', 'arrete', 'etat_civil', 'courrier', 'pes')),
  titre           TEXT NOT NULL,
  source_type     TEXT NOT NULL CHECK (source_type IN ('deliberation', 'pv', 'import')),
  source_id       INTEGER,                                         -- deliberation.id or seance.id (PV)
  seance_id       INTEGER REFERENCES seance (id),
  mime            TEXT NOT NULL CHECK (mime IN ('application/pdf', 'application/xml')),
  original_sha256 TEXT NOT NULL,
  current_sha256  TEXT NOT NULL,
  statut          TEXT NOT NULL DEFAULT 'a_viser' CHECK (statut IN ('a_viser', 'a_signer', 'signe', 'refuse')),
  refus_motif     TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (source_type, source_id)
);
CREATE INDEX parapheur_statut ON parapheur_document (statut);

-- The circuit: visa by the secrétaire, then one or more signatures, in order.
CREATE TABLE circuit_step (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES parapheur_document (id),
  rang        INTEGER NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('visa', 'signature')),
  role        TEXT NOT NULL CHECK (role IN ('secretaire', 'president', 'secretaire_seance', 'maire')),
  elu_id      INTEGER REFERENCES elu (id),                          -- expected signatory, when the law names one
  libelle     TEXT NOT NULL,                                        -- « Président de séance », …
  statut      TEXT NOT NULL DEFAULT 'en_attente' CHECK (statut IN ('en_attente', 'fait', 'refuse')),
  fait_par    TEXT,
  fait_le     TEXT,
  UNIQUE (document_id, rang)
);

CREATE TABLE parapheur_comment (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES parapheur_document (id),
  at          TEXT NOT NULL,
  auteur      TEXT NOT NULL,
  texte       TEXT NOT NULL,
  refus       INTEGER NOT NULL DEFAULT 0 CHECK (refus IN (0, 1))
);
CREATE INDEX parapheur_comment_doc ON parapheur_comment (document_id, at);

-- Every signature made, with the certificate and the authority it relied on. Append-only.
CREATE TABLE signature_record (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES parapheur_document (id),
  step_id        INTEGER REFERENCES circuit_step (id),
  format         TEXT NOT NULL CHECK (format IN ('PAdES-B-B', 'XAdES-BES')),
  signataire     TEXT NOT NULL,
  qualite        TEXT NOT NULL,
  elu_id         INTEGER REFERENCES elu (id),
  delegation_id  INTEGER REFERENCES delegation (id),
  fondement      TEXT NOT NULL,                                     -- article the signature relies on
  cert_holder    TEXT NOT NULL,
  cert_issuer    TEXT NOT NULL,
  cert_serial    TEXT NOT NULL,
  cert_sha256    TEXT NOT NULL,
  signed_at      TEXT NOT NULL,
  before_sha256  TEXT NOT NULL,
  after_sha256   TEXT NOT NULL
);
CREATE INDEX signature_record_doc ON signature_record (document_id);
CREATE TRIGGER signature_record_no_update BEFORE UPDATE ON signature_record
BEGIN SELECT RAISE(ABORT, 'signature_append_only'); END;
CREATE TRIGGER signature_record_no_delete BEFORE DELETE ON signature_record
BEGIN SELECT RAISE(ABORT, 'signature_append_only'); END;
