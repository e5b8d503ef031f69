-- Courrier (issue 13 follow-up): a reply template the commune wrote can be removed. One no reply used is deleted;
-- one a reply was made from is archived instead (courrier_reponse.modele references it, and the register must say
-- which template a letter came from): no longer offered for a new reply, kept with its text. The letter itself is
-- never lost either way: its PDF, unsigned and signed, is kept in the DocumentStore (courrier_reponse.sha256,
-- the départ's piece). Templates shipped with Clocher (builtin) are neither deleted nor archived.
ALTER TABLE courrier_modele ADD COLUMN archive_le TEXT;
ALTER TABLE courrier_modele ADD COLUMN archive_par TEXT;
CREATE TRIGGER courrier_modele_builtin_no_delete BEFORE DELETE ON courrier_modele WHEN OLD.builtin = 1
BEGIN SELECT RAISE(ABORT, 'courrier_modele_builtin'); END;
