-- Courrier (issue 13 follow-up): CRPA L112-11, last paragraph — the obligation to acknowledge an electronic
-- submission (AEE, ARE) does not apply to abusive sends, notably by their number or their repetitive or systematic
-- character. The secrétaire marks a sender « envois abusifs » with her reason; while the mark stands, what he sends
-- is still registered (nothing is lost) but no acknowledgement leaves by itself. A mark is lifted, never deleted:
-- the row keeps who marked, when and why, and who lifted it (the journal says the same).
CREATE TABLE courrier_expediteur_abusif (
  id           INTEGER PRIMARY KEY,
  email        TEXT NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  motif        TEXT NOT NULL CHECK (length(motif) >= 10),
  signale_le   TEXT NOT NULL,
  signale_par  TEXT NOT NULL,
  leve_le      TEXT,
  leve_par     TEXT,
  CHECK ((leve_le IS NULL) = (leve_par IS NULL))
);
-- one standing mark per address
CREATE UNIQUE INDEX courrier_expediteur_abusif_actif ON courrier_expediteur_abusif (email) WHERE leve_le IS NULL;
CREATE TRIGGER courrier_expediteur_abusif_no_delete BEFORE DELETE ON courrier_expediteur_abusif
BEGIN SELECT RAISE(ABORT, 'courrier_expediteur_abusif_append_only'); END;
CREATE TRIGGER courrier_expediteur_abusif_fige BEFORE UPDATE OF email, motif, signale_le, signale_par ON courrier_expediteur_abusif
BEGIN SELECT RAISE(ABORT, 'courrier_expediteur_abusif_append_only'); END;

-- Why a courrier received no automatic acknowledgement (set when it is registered): shown on its register row.
ALTER TABLE courrier ADD COLUMN sans_accuse_motif TEXT;
