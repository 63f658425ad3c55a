-- Greychart team database, version 5: decisions through the team.
--
-- The approval settings (change manager, CAB chair, finance approver and
-- threshold) are shared records too, so every client derives the same
-- requirements from the same rules.
ALTER TABLE greychart.records DROP CONSTRAINT records_kind_check;
ALTER TABLE greychart.records ADD CONSTRAINT records_kind_check
    CHECK (kind IN ('setting', 'team', 'person', 'component', 'service', 'release', 'change', 'dependency',
                    'period', 'absence', 'approval_rule', 'requirement'));

-- What a release's scope is now: the versions of the release and of every
-- change in it (SHA-256 of `kind:id:version` joined by `|`, in byte order).
-- A decision names the scope its approver saw; one made on
-- another scope is refused as stale.
CREATE FUNCTION greychart.release_scope(release_id text) RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, greychart
    AS $$
    SELECT coalesce(encode(sha256(convert_to(
               string_agg(kind || ':' || id || ':' || version, '|' ORDER BY kind COLLATE "C", id COLLATE "C"),
               'UTF8')), 'hex'), '')
    FROM greychart.records
    WHERE NOT deleted
      AND ((kind = 'release' AND id = release_id) OR (kind = 'change' AND data ->> 'release' = release_id))
$$;
GRANT EXECUTE ON FUNCTION greychart.release_scope(text) TO greychart_manager, greychart_approver, greychart_admin;

-- Whether the team asks `approver` to sign off `release` (an active
-- requirement).
CREATE FUNCTION greychart.is_asked(release_id text, approver_id text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, greychart
    AS $$
    SELECT EXISTS (SELECT 1 FROM greychart.records
                   WHERE kind = 'requirement' AND NOT deleted
                     AND data ->> 'release' = release_id AND data ->> 'approver' = approver_id
                     AND coalesce((data ->> 'active')::boolean, true))
$$;
GRANT EXECUTE ON FUNCTION greychart.is_asked(text, text) TO greychart_manager, greychart_approver, greychart_admin;

-- Each decision keeps the id of the client's edit (a retried push never
-- records it twice) and the transaction that wrote it (a pull never skips
-- one).
ALTER TABLE greychart.decisions ADD COLUMN edit_id text UNIQUE;
ALTER TABLE greychart.decisions ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX decisions_txid ON greychart.decisions (txid);

DROP POLICY decide ON greychart.decisions;
CREATE POLICY decide ON greychart.decisions FOR INSERT TO greychart_manager, greychart_approver
    WITH CHECK (
        login = session_user
        AND recorded_by = greychart.my_person()
        AND txid = pg_current_xact_id()
        AND greychart.is_asked(release, approver)
        -- On the release as it is now: a decision on an older scope is stale.
        AND scope = greychart.release_scope(release)
        AND (
            -- In the app, as oneself, or for someone who delegated to one today.
            (NOT on_behalf AND (
                approver = greychart.my_person()
                OR EXISTS (SELECT 1 FROM greychart.delegations d
                           WHERE d.delegator = approver AND d.delegate = greychart.my_person()
                             AND current_date BETWEEN d.starts_on AND d.ends_on)))
            -- Given on paper or by mail, recorded by a manager with its source.
            OR (on_behalf AND greychart.my_role() = 'manager' AND coalesce(source, '') <> '')
        )
    );
