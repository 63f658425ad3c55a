-- Greychart workspace schema, version 4: what approvals a release needs is
-- derived by rules. A release has an estimated cost (for the finance rule);
-- a component may name the person who answers for it; the workspace keeps
-- rules of its own; a requirement says where it came
-- from (a rule, or a person adding it by hand with a reason) and stays, no
-- longer active, when the release stops needing it, so decisions on it keep
-- their history; a decision made stale says why.
ALTER TABLE releases ADD COLUMN cost REAL;
ALTER TABLE components ADD COLUMN owner TEXT REFERENCES people(id) ON DELETE SET NULL;

CREATE TABLE approval_rules (
    id        TEXT PRIMARY KEY,
    condition TEXT NOT NULL,
    role      TEXT NOT NULL,
    approver  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    note      TEXT NOT NULL
) STRICT;

ALTER TABLE requirements ADD COLUMN origin TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE requirements ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decisions ADD COLUMN stale_reason TEXT NOT NULL DEFAULT '';
