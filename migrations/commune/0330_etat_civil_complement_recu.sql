-- État civil (issue 12 follow-up): the date the complément of a request « incomplète » was received (décret
-- 2017-890 art. 30: the requester gives what was missing). Kept beside the request (the last one received; each
-- one is also a line of ec_demande_evenement) and printed in the letters' reminder of the request. Once the
-- document is produced it stays as issued: the trigger of 0320 is rebuilt with the new column in its list.
ALTER TABLE ec_demande ADD COLUMN complement_recu_le TEXT;
DROP TRIGGER ec_demande_produite_immuable;
CREATE TRIGGER ec_demande_produite_immuable
BEFORE UPDATE OF canal, recue_le, demandeur_nom, demandeur_prenoms, demandeur_adresse, qualite, justificatifs, acte_id, acte_type, renseignements, document, options, exemplaires, decision, decision_issue, officier_nom, officier_qualite, produite_le, complement_recu_le ON ec_demande
WHEN OLD.statut IN ('produite', 'remise', 'envoyee')
BEGIN SELECT RAISE(ABORT, 'ec_demande_produite_immuable'); END;
