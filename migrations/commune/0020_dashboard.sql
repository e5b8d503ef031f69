-- Feeds of the dashboard. Later domains (courrier, sync, conseil…) write here; the dashboard only reads.
-- « Arrivé depuis votre dernière ouverture »: what came in (a courrier, an AR from the préfecture…).
CREATE TABLE arrival (
  id          INTEGER PRIMARY KEY,
  arrived_at  TEXT NOT NULL,
  source      TEXT NOT NULL,       -- 'courrier', 'prefecture', 'helios', …
  title       TEXT NOT NULL,
  object_type TEXT,
  object_id   TEXT
);
CREATE INDEX arrival_at ON arrival (arrived_at);

-- « À faire »: what must be done, with its legal due date and the rule that fixes it.
CREATE TABLE todo (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  due_date    TEXT,                -- YYYY-MM-DD
  title       TEXT NOT NULL,
  legal_ref   TEXT,                -- e.g. 'CGCT L2121-25'
  object_type TEXT,
  object_id   TEXT,
  done_at     TEXT
);
CREATE INDEX todo_open ON todo (done_at, due_date);

-- When each user last opened this commune, for « depuis votre dernière ouverture ».
CREATE TABLE user_visit (
  user_login     TEXT PRIMARY KEY,
  previous_visit TEXT,
  last_visit     TEXT NOT NULL
) WITHOUT ROWID;
