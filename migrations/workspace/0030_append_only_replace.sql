-- The installation journal (failed logins, recoveries, restores) refuses INSERT OR REPLACE of an existing line,
-- even where PRAGMA recursive_triggers is off (see commune migration 0090).
CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal
WHEN EXISTS (SELECT 1 FROM journal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'journal_append_only'); END;
