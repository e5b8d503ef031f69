-- État civil (issue 12): requests for copies and extracts at the counter (décret 2017-890 arts. 27-33).
-- A request goes reçue → incomplète (complément asked, waiting) → à produire → produite → remise / envoyée, or
-- refusée. The decision is the one computed by rules/delivrance.ts, kept as computed; an override keeps its
-- written reason, who and when. Documents and letters are kept in the content-addressed DocumentStore; their
-- rows and the request's history are append-only (the law's traces: who decided, who issued, when).
CREATE TABLE ec_demande (
  id                  INTEGER PRIMARY KEY,
  annee               INTEGER NOT NULL,
  numero              INTEGER NOT NULL CHECK (numero >= 1),            -- yearly number « 2026-14 »
  canal               TEXT NOT NULL,                                    -- art. 29: guichet, courrier, téléservice…
  recue_le            TEXT NOT NULL,
  demandeur_nom       TEXT NOT NULL,
  demandeur_prenoms   TEXT NOT NULL DEFAULT '',
  demandeur_adresse   TEXT,
  qualite             TEXT,                                             -- the requester's quality (art. 30); NULL: not stated
  justificatifs       TEXT NOT NULL DEFAULT '{}',                       -- JSON: written mandate, text cited, link, majeur…
  acte_id             INTEGER REFERENCES acte_etat_civil (id),
  acte_type           TEXT NOT NULL,                                    -- the act's kind, known even when not found
  renseignements      TEXT NOT NULL DEFAULT '{}',                       -- JSON: what the request carries (nom, parents…)
  document            TEXT NOT NULL CHECK (document IN ('copie_integrale', 'extrait_avec_filiation', 'extrait_sans_filiation', 'extrait_plurilingue')),
  options             TEXT NOT NULL DEFAULT '{}',                       -- JSON: all marriages, nationality mentions
  exemplaires         INTEGER NOT NULL DEFAULT 1 CHECK (exemplaires BETWEEN 1 AND 10),
  livraison           TEXT NOT NULL,                                    -- guichet, postal; 'courriel' is answered, never done
  statut              TEXT NOT NULL DEFAULT 'recue' CHECK (statut IN ('recue', 'incomplete', 'a_produire', 'produite', 'remise', 'envoyee', 'refusee')),
  decision            TEXT,                                             -- JSON: the Decision as computed
  decision_issue      TEXT,                                             -- granted | incomplete | refused (for lists and stats)
  decidee_le          TEXT,
  derogation_motif    TEXT,                                             -- an override: its written reason, who, when
  derogation_par      TEXT,
  derogation_le       TEXT,
  officier_nom        TEXT,
  officier_qualite    TEXT,
  produite_le         TEXT,
  remise_le           TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (annee, numero),
  CHECK ((derogation_motif IS NULL) = (derogation_le IS NULL))
);
CREATE INDEX ec_demande_statut ON ec_demande (statut, recue_le);
CREATE INDEX ec_demande_acte ON ec_demande (acte_id);

-- What was printed for a request: the document (its copies), the letters, the receipt. Never changed.
CREATE TABLE ec_demande_piece (
  id          INTEGER PRIMARY KEY,
  demande_id  INTEGER NOT NULL REFERENCES ec_demande (id),
  nature      TEXT NOT NULL CHECK (nature IN ('document', 'lettre_complement', 'lettre_refus', 'recepisse')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  pages       INTEGER,
  officier    TEXT,
  -- where the commune keeps a signed PDF: the document submitted to the parapheur for the officier's PAdES
  parapheur_document_id INTEGER REFERENCES parapheur_document (id),
  created_at  TEXT NOT NULL,
  created_by  TEXT
);
CREATE INDEX ec_demande_piece_demande ON ec_demande_piece (demande_id);
CREATE TRIGGER ec_demande_piece_no_update BEFORE UPDATE ON ec_demande_piece BEGIN SELECT RAISE(ABORT, 'ec_demande_piece_append_only'); END;
CREATE TRIGGER ec_demande_piece_no_delete BEFORE DELETE ON ec_demande_piece BEGIN SELECT RAISE(ABORT, 'ec_demande_piece_append_only'); END;
CREATE TRIGGER ec_demande_piece_no_replace BEFORE INSERT ON ec_demande_piece WHEN EXISTS (SELECT 1 FROM ec_demande_piece WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'ec_demande_piece_append_only'); END;

-- The request's history: each status change, decision and override as it happened (the journal names the
-- request only by its number; this keeps the facts the decision was made on).
CREATE TABLE ec_demande_evenement (
  id          INTEGER PRIMARY KEY,
  demande_id  INTEGER NOT NULL REFERENCES ec_demande (id),
  at          TEXT NOT NULL,
  par         TEXT,
  quoi        TEXT NOT NULL,
  statut      TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX ec_demande_evenement_demande ON ec_demande_evenement (demande_id);
CREATE TRIGGER ec_demande_evenement_no_update BEFORE UPDATE ON ec_demande_evenement BEGIN SELECT RAISE(ABORT, 'ec_demande_evenement_append_only'); END;
CREATE TRIGGER ec_demande_evenement_no_delete BEFORE DELETE ON ec_demande_evenement BEGIN SELECT RAISE(ABORT, 'ec_demande_evenement_append_only'); END;
CREATE TRIGGER ec_demande_evenement_no_replace BEFORE INSERT ON ec_demande_evenement WHEN EXISTS (SELECT 1 FROM ec_demande_evenement WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'ec_demande_evenement_append_only'); END;
-- An override, once given, is not rewritten: a new reason would need a new request.
CREATE TRIGGER ec_demande_derogation_immuable BEFORE UPDATE OF derogation_motif, derogation_par, derogation_le ON ec_demande
WHEN OLD.derogation_le IS NOT NULL AND OLD.statut IN ('produite', 'remise', 'envoyee')
BEGIN SELECT RAISE(ABORT, 'ec_demande_derogation_immuable'); END;
-- Once produced, what was asked and decided stays as it was issued (décret 2017-890 art. 27: the copy proves
-- its content); only the handing over or posting is noted afterwards.
CREATE TRIGGER ec_demande_produite_immuable
BEFORE UPDATE OF canal, recue_le, demandeur_nom, demandeur_prenoms, demandeur_adresse, qualite, justificatifs, acte_id, acte_type, renseignements, document, options, exemplaires, decision, decision_issue, officier_nom, officier_qualite, produite_le ON ec_demande
WHEN OLD.statut IN ('produite', 'remise', 'envoyee')
BEGIN SELECT RAISE(ABORT, 'ec_demande_produite_immuable'); END;
CREATE TRIGGER ec_demande_no_delete BEFORE DELETE ON ec_demande BEGIN SELECT RAISE(ABORT, 'ec_demande_append_only'); END;
