-- Start-up (issue 9): the dashboard's « À faire » reads the open arrivées of the last 550 days at every refresh
-- (main/courrier/echeances.ts). Without this index SQLite walks every arrivée of the register (sens only: half of
-- a large commune's 50,000 courriers) to keep the few dozen still open.
CREATE INDEX courrier_ouverts ON courrier (sens, statut, date_enregistrement);
