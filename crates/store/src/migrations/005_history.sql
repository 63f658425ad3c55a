-- The edit history behind undo and redo. Each committed edit of the app is
-- one row holding what it changed as an SQLite session changeset; undo
-- applies its inverse, redo applies it again. A bulk write (an import, a
-- new workspace) has no changeset: undo stops there.
CREATE TABLE edits (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    summary   TEXT NOT NULL,
    changeset BLOB,
    state     TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped'))
) STRICT;

CREATE INDEX edits_state ON edits(state, id);
