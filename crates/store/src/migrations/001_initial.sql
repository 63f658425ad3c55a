-- Greychart workspace schema, version 1.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    title   TEXT NOT NULL,
    team    TEXT REFERENCES teams(id) ON DELETE SET NULL,
    manager TEXT REFERENCES people(id) ON DELETE SET NULL
) STRICT;

CREATE TABLE claims (
    id             TEXT PRIMARY KEY,
    from_person    TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    to_person      TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    strength       REAL NOT NULL,
    confidence     REAL NOT NULL,
    observed_on    TEXT NOT NULL,
    half_life_days REAL NOT NULL,
    source         TEXT NOT NULL,
    note           TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    retired        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX claims_pair ON claims(from_person, to_person);

CREATE TABLE releases (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    stage        TEXT NOT NULL,
    window_start TEXT,
    window_end   TEXT,
    risk         TEXT NOT NULL
) STRICT;

CREATE TABLE stances (
    person   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    release  TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    stance   TEXT NOT NULL,
    noted_on TEXT NOT NULL,
    note     TEXT NOT NULL,
    PRIMARY KEY (person, release)
) STRICT;

CREATE TABLE profiles (
    person      TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    interest    REAL NOT NULL,
    involvement TEXT NOT NULL
) STRICT;

CREATE TABLE engagements (
    id      TEXT PRIMARY KEY,
    person  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    date    TEXT NOT NULL,
    channel TEXT NOT NULL,
    summary TEXT NOT NULL
) STRICT;

CREATE TABLE components (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    owner_team TEXT REFERENCES teams(id) ON DELETE SET NULL
) STRICT;

-- depends_on: JSON array of component and service ids.
CREATE TABLE services (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    business_owner TEXT REFERENCES people(id) ON DELETE SET NULL,
    depends_on     TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- components: JSON array of component ids.
CREATE TABLE changes (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    release       TEXT REFERENCES releases(id) ON DELETE SET NULL,
    components    TEXT NOT NULL DEFAULT '[]',
    duration_days INTEGER NOT NULL
) STRICT;

-- before/after name changes or releases; the store keeps the graph acyclic.
CREATE TABLE dependencies (
    before_item TEXT NOT NULL,
    after_item  TEXT NOT NULL,
    lag_days    INTEGER NOT NULL,
    PRIMARY KEY (before_item, after_item)
) STRICT;

CREATE TABLE periods (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    scope     TEXT NOT NULL,
    scope_id  TEXT
) STRICT;

CREATE TABLE absences (
    id        TEXT PRIMARY KEY,
    person    TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on   TEXT NOT NULL,
    note      TEXT NOT NULL
) STRICT;

CREATE TABLE requirements (
    id       TEXT PRIMARY KEY,
    release  TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    approver TEXT NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    role     TEXT NOT NULL,
    rule     TEXT NOT NULL
) STRICT;

CREATE TABLE decisions (
    id          TEXT PRIMARY KEY,
    requirement TEXT NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    decided_by  TEXT NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    decided_at  TEXT NOT NULL,
    comment     TEXT NOT NULL,
    stale       INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Every write records what changed, when and by whom (before/after as JSON).
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before    TEXT,
    after     TEXT
) STRICT;
