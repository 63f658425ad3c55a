-- Greychart workspace schema, version 2: where people sit on the map.
CREATE TABLE positions (
    person TEXT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    x      REAL NOT NULL,
    y      REAL NOT NULL
) STRICT;
