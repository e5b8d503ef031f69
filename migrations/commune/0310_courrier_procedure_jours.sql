-- The commune's procedures table (domain-rules §3.4–3.5) gains delays in days: some décrets set « 15 jours » or
-- « 45 jours » rather than months (L231-5, L231-6). Exactly one of delai_mois / delai_jours is set. SQLite cannot
-- change a column's NOT NULL or CHECK in place: the table is rebuilt, same rows (lang_altertable.html §7; the runner
-- turns foreign keys off around migrations and checks them before committing, so courrier.procedure_code holds).
CREATE TABLE courrier_procedure_0310 (
  code        TEXT PRIMARY KEY,
  libelle     TEXT NOT NULL,
  regime      TEXT NOT NULL CHECK (regime IN ('SVA', 'SVR')),
  delai_mois  INTEGER CHECK (delai_mois IS NULL OR delai_mois BETWEEN 1 AND 12),
  delai_jours INTEGER CHECK (delai_jours IS NULL OR delai_jours BETWEEN 1 AND 365),
  article     TEXT NOT NULL,
  builtin     INTEGER NOT NULL DEFAULT 0,
  CHECK ((delai_mois IS NULL) <> (delai_jours IS NULL))
);
INSERT INTO courrier_procedure_0310 (code, libelle, regime, delai_mois, delai_jours, article, builtin)
  SELECT code, libelle, regime, delai_mois, NULL, article, builtin FROM courrier_procedure;
DROP TABLE courrier_procedure;
ALTER TABLE courrier_procedure_0310 RENAME TO courrier_procedure;
