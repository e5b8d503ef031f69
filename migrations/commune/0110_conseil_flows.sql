-- Conseil: reconvocation per item, PV arrêté by a vote, vote corrected while the séance is open, search
-- without accents (CGCT L2121-17, L2121-15, L2121-23).

-- L2121-17 al. 2: only the items carried from a séance without quorum are exempt from the quorum at the
-- reconvened séance. `reconvoque_de` is the item they were carried from; `report_sans_quorum` says the item
-- was postponed because the quorum was lacking (computed by the core when it is postponed).
ALTER TABLE point_odj ADD COLUMN reconvoque_de INTEGER REFERENCES point_odj (id);
ALTER TABLE point_odj ADD COLUMN report_sans_quorum INTEGER NOT NULL DEFAULT 0 CHECK (report_sans_quorum IN (0, 1));
CREATE INDEX point_odj_reconvoque_de ON point_odj (reconvoque_de);

-- L2121-15: the PV is arrêté by the council at the next séance, by a vote, with the quorum.
ALTER TABLE pv ADD COLUMN arret_vote TEXT; -- JSON: presents, votants, pour, contre, abstention, message

-- A vote may be corrected while its séance is open and the délibération unsigned; the number is kept. After
-- the closing (or the signature) only a new délibération corrects it: the database refuses otherwise.
DROP TRIGGER deliberation_immuable;
CREATE TRIGGER deliberation_immuable BEFORE UPDATE OF seance_id, numero, objet, matiere, texte, point_id ON deliberation
BEGIN SELECT RAISE(ABORT, 'deliberation_immuable'); END;
CREATE TRIGGER deliberation_vote_immuable BEFORE UPDATE OF pour, contre, abstention, adoptee ON deliberation
WHEN OLD.signature = 'signee' OR (SELECT statut FROM seance WHERE id = OLD.seance_id) IS NOT 'en_cours'
BEGIN SELECT RAISE(ABORT, 'deliberation_immuable'); END;

DROP TRIGGER deliberation_pdf_immuable;
CREATE TRIGGER deliberation_pdf_immuable BEFORE UPDATE OF pdf_sha256 ON deliberation
WHEN OLD.adoptee = 1 AND OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256
  AND NOT (OLD.signature = 'a_signer' AND NEW.signature = 'signee')
  AND NOT (OLD.signature = 'a_signer' AND NEW.signature = 'a_signer' AND (SELECT statut FROM seance WHERE id = OLD.seance_id) IS 'en_cours')
BEGIN SELECT RAISE(ABORT, 'deliberation_pdf_immuable'); END;

-- Search ignores accents and case (« decision modificative » finds « Décision modificative »).
CREATE VIRTUAL TABLE deliberation_recherche USING fts5(objet, numero, content='deliberation', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO deliberation_recherche (deliberation_recherche) VALUES ('rebuild');
CREATE TRIGGER deliberation_recherche_ai AFTER INSERT ON deliberation
BEGIN INSERT INTO deliberation_recherche (rowid, objet, numero) VALUES (NEW.id, NEW.objet, NEW.numero); END;
