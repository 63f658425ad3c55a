-- Greychart team database, version 6: separation of duties.
--
-- A team policy an admin turns on: nobody decides on a release they
-- requested (the login that created the release in the team) or last
-- rescoped (the last login to change the release or one of its changes) —
-- not as themselves, not through a delegate, not recorded on paper by a
-- manager on their behalf. PostgreSQL enforces it in the decide policy,
-- as it enforces the roles.
CREATE TABLE greychart.policies (
    name    text PRIMARY KEY CHECK (name IN ('separation_of_duties')),
    enabled boolean NOT NULL DEFAULT false,
    set_by  text NOT NULL DEFAULT session_user,
    set_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO greychart.policies (name, enabled) VALUES ('separation_of_duties', false);
GRANT SELECT ON greychart.policies TO greychart_manager, greychart_approver, greychart_admin;
GRANT UPDATE (enabled, set_by, set_at) ON greychart.policies TO greychart_admin;
ALTER TABLE greychart.policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.policies FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.policies FOR SELECT USING (greychart.my_role() IS NOT NULL);
CREATE POLICY admin ON greychart.policies FOR UPDATE TO greychart_admin
    USING (true) WITH CHECK (set_by = session_user);
CREATE TRIGGER audit_update AFTER UPDATE ON greychart.policies REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();

-- Who created a record is read from the audit trail.
CREATE INDEX audit_entity ON greychart.audit (entity, entity_id, id);

-- Whether `person` requested `release_id` or last rescoped it: one of
-- their logins created the release, or made the latest change to the
-- release or to one of its changes.
CREATE FUNCTION greychart.own_work(release_id text, person_id text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM greychart.members m
        WHERE m.person = person_id
          AND (m.login = (SELECT a.login FROM greychart.audit a
                          WHERE a.entity = 'records' AND a.entity_id = release_id AND a.action = 'insert'
                            AND a.data ->> 'kind' = 'release'
                          ORDER BY a.id LIMIT 1)
               OR m.login = (SELECT r.changed_by FROM greychart.records r
                             WHERE (r.kind = 'release' AND r.id = release_id)
                                OR (r.kind = 'change' AND r.data ->> 'release' = release_id)
                             ORDER BY r.changed_at DESC, r.txid DESC LIMIT 1)))
$$;
REVOKE ALL ON FUNCTION greychart.own_work(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION greychart.own_work(text, text) TO greychart_manager, greychart_approver, greychart_admin;

-- Whether the team separates duties.
CREATE FUNCTION greychart.separates_duties() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$
    SELECT coalesce((SELECT enabled FROM greychart.policies WHERE name = 'separation_of_duties'), false)
$$;
REVOKE ALL ON FUNCTION greychart.separates_duties() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION greychart.separates_duties() TO greychart_manager, greychart_approver, greychart_admin;

DROP POLICY decide ON greychart.decisions;
CREATE POLICY decide ON greychart.decisions FOR INSERT TO greychart_manager, greychart_approver
    WITH CHECK (
        login = session_user
        AND recorded_by = greychart.my_person()
        AND txid = pg_current_xact_id()
        AND greychart.is_asked(release, approver)
        -- On the release as it is now: a decision on an older scope is stale.
        AND scope = greychart.release_scope(release)
        -- Nobody signs off their own work when the team separates duties.
        AND NOT (greychart.separates_duties() AND greychart.own_work(release, approver))
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
