-- Greychart workspace schema, version 9: a workspace may be a team
-- workspace, a copy of a team database's shared data beside its private
-- grey chart. What the team had of each shared record when last synced
-- (its version and data: an edit is pushed on the version it was made on),
-- and the conflicts a sync found, each with both values, until the user
-- keeps one. The link itself (URL without password, watermark) is in
-- settings.
CREATE TABLE team_base (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    version INTEGER NOT NULL,
    data    TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;

CREATE TABLE team_conflicts (
    kind           TEXT NOT NULL,
    id             TEXT NOT NULL,
    mine           TEXT,
    theirs         TEXT,
    theirs_version INTEGER NOT NULL,
    theirs_by      TEXT NOT NULL,
    theirs_at      TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT;
