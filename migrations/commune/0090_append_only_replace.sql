-- INSERT OR REPLACE on a row that already exists deletes it and inserts the new one; SQLite fires the DELETE
-- triggers for that only with PRAGMA recursive_triggers (set by openDatabase). These triggers refuse it even
-- when the file is opened by another tool without that pragma: the journal, the signature records and the
-- adopted délibérations (CGCT L2121-23: the registre is not rewritten) are never replaced.
CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal
WHEN EXISTS (SELECT 1 FROM journal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;

CREATE TRIGGER signature_record_no_replace BEFORE INSERT ON signature_record
WHEN EXISTS (SELECT 1 FROM signature_record WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'signature_append_only'); END;

CREATE TRIGGER deliberation_no_replace BEFORE INSERT ON deliberation
WHEN EXISTS (SELECT 1 FROM deliberation WHERE id = NEW.id OR numero = NEW.numero)
BEGIN SELECT RAISE(ABORT, 'deliberation_immuable'); END;
