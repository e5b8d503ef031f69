-- Registre du courrier (domain-rules §3.1) and the CRPA's clocks (§3.2–3.4). The 0030 table is rebuilt: its
-- channels grow (remis en main propre, another administration) and it gains contacts, status, assignee,
-- classification and deadlines. Existing rows keep their numbers.

-- Contacts: people and organisations, deduplicated on a normalised key (SIRET, else name + e-mail).
CREATE TABLE contact (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL DEFAULT 'personne' CHECK (kind IN ('personne', 'organisation')),
  nom         TEXT NOT NULL,
  email       TEXT,
  adresse     TEXT,
  telephone   TEXT,
  siret       TEXT CHECK (siret IS NULL OR siret GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  cle         TEXT NOT NULL UNIQUE,            -- normalised: 'siret:…' or 'nom:…|email'
  created_at  TEXT NOT NULL
);
CREATE VIRTUAL TABLE contact_fts USING fts5 (nom, email, adresse, content = 'contact', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER contact_ai AFTER INSERT ON contact BEGIN
  INSERT INTO contact_fts (rowid, nom, email, adresse) VALUES (new.id, new.nom, new.email, new.adresse);
END;
CREATE TRIGGER contact_au AFTER UPDATE ON contact BEGIN
  INSERT INTO contact_fts (contact_fts, rowid, nom, email, adresse) VALUES ('delete', old.id, old.nom, old.email, old.adresse);
  INSERT INTO contact_fts (rowid, nom, email, adresse) VALUES (new.id, new.nom, new.email, new.adresse);
END;

-- The procedures the commune handles, with their silence rule (L231-1 default; exceptions L231-4 to L231-6).
-- Built-in rows come from the décrets listing exceptions; the commune adds its own (builtin = 0).
CREATE TABLE courrier_procedure (
  code        TEXT PRIMARY KEY,
  libelle     TEXT NOT NULL,
  regime      TEXT NOT NULL CHECK (regime IN ('SVA', 'SVR')),
  delai_mois  INTEGER NOT NULL CHECK (delai_mois BETWEEN 1 AND 12),
  article     TEXT NOT NULL,
  builtin     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO courrier_procedure (code, libelle, regime, delai_mois, article, builtin) VALUES
  ('defaut', 'Demande relevant d''une procédure (règle générale)', 'SVA', 2, 'CRPA L231-1', 1),
  ('salle_municipale', 'Utilisation d''une salle municipale', 'SVR', 2, 'CGCT L2144-3 ; CRPA L231-4, décrets n° 2015-1459 à 2015-1461', 1),
  ('domaine_public', 'Occupation du domaine public', 'SVR', 2, 'CRPA L231-4 ; décrets n° 2015-1459 à 2015-1461', 1),
  ('funeraire', 'Autorisation funéraire', 'SVR', 2, 'CRPA L231-4 ; décrets n° 2015-1459 à 2015-1461', 1),
  ('attestation_accueil', 'Validation d''une attestation d''accueil', 'SVR', 1, 'CRPA L231-5 ; décret n° 2016-625', 1),
  ('subvention', 'Demande de subvention (nature financière)', 'SVR', 2, 'CRPA L231-4 3°', 1);

ALTER TABLE courrier RENAME TO courrier_0030;
CREATE TABLE courrier (
  id                  INTEGER PRIMARY KEY,
  sens                TEXT NOT NULL CHECK (sens IN ('arrivee', 'depart')),
  annee               INTEGER NOT NULL,
  numero              INTEGER NOT NULL,
  date_courrier       TEXT NOT NULL,           -- date of the letter
  date_enregistrement TEXT NOT NULL,           -- date received (arrivée) or sent (départ), YYYY-MM-DD
  correspondant       TEXT NOT NULL,           -- display name, kept even if the contact is later merged
  contact_id          INTEGER REFERENCES contact (id),
  objet               TEXT NOT NULL,
  nature              TEXT NOT NULL DEFAULT 'lettre',
  canal               TEXT NOT NULL CHECK (canal IN ('papier', 'main_propre', 'courriel', 'sve', 'prefecture', 'administration')),
  statut              TEXT NOT NULL DEFAULT 'a_traiter' CHECK (statut IN ('a_traiter', 'en_cours', 'repondu', 'classe')),
  assigne             TEXT CHECK (assigne IN ('secretaire', 'maire', 'adjoint')),
  message_id          TEXT UNIQUE,             -- e-mail Message-ID or platform key: never registered twice
  -- CRPA classification (rules/classification.ts) and the facts its dates depend on
  classement          TEXT CHECK (classement IN ('information', 'demande', 'reclamation', 'document_administratif', 'verification')),
  procedure_code      TEXT REFERENCES courrier_procedure (code),
  recu_premiere_admin TEXT,                    -- L114-2: received first by another administration
  transmis_a          TEXT,                    -- L114-2: forwarded by us to the competent one
  transmis_le         TEXT,
  pieces_manquantes   TEXT,                    -- L114-5: list, one per line
  pieces_demandees_le TEXT,
  pieces_delai        TEXT,                    -- deadline given to the sender
  pieces_recues_le    TEXT,
  decision_implicite  TEXT,                    -- computed, stored for the deadlines view and the bench
  ar_le               TEXT,                    -- accusé de réception (R112-5) or ARE (R112-11-1) issued
  aee_le              TEXT,                    -- accusé d'enregistrement électronique (R112-11-2)
  created_at          TEXT NOT NULL DEFAULT '',
  UNIQUE (sens, annee, numero)
);
INSERT INTO courrier (id, sens, annee, numero, date_courrier, date_enregistrement, correspondant, objet, canal, statut)
  SELECT id, sens, annee, numero, date_courrier, date_enregistrement, correspondant, objet, canal, 'classe' FROM courrier_0030;
DROP TABLE courrier_0030;
CREATE INDEX courrier_date ON courrier (date_enregistrement);
CREATE INDEX courrier_statut ON courrier (statut, annee);
CREATE INDEX courrier_echeance ON courrier (decision_implicite) WHERE decision_implicite IS NOT NULL;

-- Attachments and scans: content-addressed in the DocumentStore; text of text attachments for the search.
CREATE TABLE courrier_piece (
  id          INTEGER PRIMARY KEY,
  courrier_id INTEGER NOT NULL REFERENCES courrier (id),
  nom         TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL,
  taille      INTEGER NOT NULL,
  role        TEXT NOT NULL DEFAULT 'piece' CHECK (role IN ('piece', 'document')), -- document: generated AR, letter…
  texte       TEXT
);
CREATE INDEX courrier_piece_courrier ON courrier_piece (courrier_id);

-- Links between courriers: a départ answers an arrivée, a letter chases up another.
CREATE TABLE courrier_lien (
  courrier_id INTEGER NOT NULL REFERENCES courrier (id),
  cible_id    INTEGER NOT NULL REFERENCES courrier (id),
  type        TEXT NOT NULL CHECK (type IN ('reponse_a', 'relance_de')),
  PRIMARY KEY (courrier_id, cible_id, type)
) WITHOUT ROWID;
CREATE INDEX courrier_lien_cible ON courrier_lien (cible_id);

-- Outgoing e-mails the register needs (AEE, ARE, replies); the mail engineer drains them through the outbox.
CREATE TABLE courrier_courriel (
  id           INTEGER PRIMARY KEY,
  courrier_id  INTEGER NOT NULL REFERENCES courrier (id),
  kind         TEXT NOT NULL CHECK (kind IN ('aee', 'are', 'pieces', 'transmission', 'attestation', 'reponse')),
  destinataire TEXT NOT NULL,
  sujet        TEXT NOT NULL,
  corps        TEXT NOT NULL,
  pieces       TEXT NOT NULL DEFAULT '[]',   -- JSON [{nom, sha256, mime}]
  created_at   TEXT NOT NULL,
  UNIQUE (courrier_id, kind, destinataire)
);

-- Accent- and case-insensitive search over objet, correspondent and the text of text attachments. Prefix
-- indexes of 2 and 3 characters: as-you-type queries are short prefixes (bench: 50 000 courriers).
CREATE VIRTUAL TABLE courrier_fts USING fts5 (objet, correspondant, pieces, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO courrier_fts (rowid, objet, correspondant, pieces) SELECT id, objet, correspondant, '' FROM courrier;
CREATE TRIGGER courrier_ai AFTER INSERT ON courrier BEGIN
  INSERT INTO courrier_fts (rowid, objet, correspondant, pieces) VALUES (new.id, new.objet, new.correspondant, '');
END;
CREATE TRIGGER courrier_au AFTER UPDATE OF objet, correspondant ON courrier BEGIN
  UPDATE courrier_fts SET objet = new.objet, correspondant = new.correspondant WHERE rowid = new.id;
END;
CREATE TRIGGER courrier_piece_ai AFTER INSERT ON courrier_piece WHEN new.texte IS NOT NULL BEGIN
  UPDATE courrier_fts SET pieces = pieces || ' ' || new.texte WHERE rowid = new.courrier_id;
END;

-- Reply templates (mail-merge fields {{…}} from the arrivée and the commune); the commune adds its own.
CREATE TABLE courrier_modele (
  code        TEXT PRIMARY KEY,
  titre       TEXT NOT NULL,
  corps       TEXT NOT NULL,
  builtin     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO courrier_modele (code, titre, corps, builtin) VALUES
  ('reponse', 'Réponse simple', 'Madame, Monsieur,' || char(10) || 'Par courrier reçu le {{date_reception}} (n° {{numero}}), vous nous avez adressé une demande relative à : {{objet}}.' || char(10) || '{{texte}}' || char(10) || 'Je vous prie d''agréer, Madame, Monsieur, l''expression de mes salutations distinguées.', 1),
  ('accord', 'Accord', 'Madame, Monsieur,' || char(10) || 'Par courrier reçu le {{date_reception}} (n° {{numero}}), vous avez sollicité : {{objet}}. J''ai le plaisir de vous informer que votre demande est acceptée.' || char(10) || '{{texte}}' || char(10) || 'Je vous prie d''agréer, Madame, Monsieur, l''expression de mes salutations distinguées.', 1),
  ('refus', 'Refus motivé', 'Madame, Monsieur,' || char(10) || 'Par courrier reçu le {{date_reception}} (n° {{numero}}), vous avez sollicité : {{objet}}. J''ai le regret de vous informer que je ne peux y donner une suite favorable, pour le motif suivant :' || char(10) || '{{texte}}' || char(10) || 'Vous pouvez contester cette décision par un recours gracieux auprès du maire ou par un recours contentieux devant le tribunal administratif dans un délai de deux mois à compter de sa notification (CJA R421-1).' || char(10) || 'Je vous prie d''agréer, Madame, Monsieur, l''expression de mes salutations distinguées.', 1);

-- A reply in preparation: signed by the maire through the parapheur, then registered as a départ.
CREATE TABLE courrier_reponse (
  id                    INTEGER PRIMARY KEY,
  arrivee_id            INTEGER NOT NULL REFERENCES courrier (id),
  modele                TEXT NOT NULL REFERENCES courrier_modele (code),
  objet                 TEXT NOT NULL,
  sha256                TEXT NOT NULL,           -- the unsigned PDF
  parapheur_document_id INTEGER REFERENCES parapheur_document (id),
  depart_id             INTEGER REFERENCES courrier (id),
  created_at            TEXT NOT NULL
);
CREATE INDEX courrier_reponse_attente ON courrier_reponse (depart_id) WHERE depart_id IS NULL;
