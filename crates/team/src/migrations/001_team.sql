-- Greychart team database, version 1: the shared plan and approvals, and
-- who may do what, enforced by PostgreSQL itself (row-level security forced
-- on every table), so a user with psql and their own password can do no
-- more than the app lets them. Grey-chart data is never here.
--
-- Run by `greychart team init` as a role allowed to create roles, inside
-- one transaction, after the group roles exist:
--   greychart_manager   edits the plan, rules and requirements; records a
--                       decision given on paper or by mail, on someone's
--                       behalf, with its source
--   greychart_approver  reads the plan; decides as themselves, or for
--                       whoever delegated to them for the day
--   greychart_admin     manages users and delegations

CREATE SCHEMA greychart;
REVOKE ALL ON SCHEMA greychart FROM PUBLIC;
GRANT USAGE ON SCHEMA greychart TO greychart_manager, greychart_approver, greychart_admin;

-- The schema's version and the team's own settings.
CREATE TABLE greychart.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- One login role per user, mapped to a person of the team.
CREATE TABLE greychart.members (
    login  text PRIMARY KEY,
    person text NOT NULL,
    role   text NOT NULL CHECK (role IN ('manager', 'approver', 'admin'))
);

-- Who the session's user is, and as what.
CREATE FUNCTION greychart.my_person() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$ SELECT person FROM greychart.members WHERE login = session_user $$;
CREATE FUNCTION greychart.my_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$ SELECT role FROM greychart.members WHERE login = session_user $$;
REVOKE ALL ON FUNCTION greychart.my_person(), greychart.my_role() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION greychart.my_person(), greychart.my_role()
    TO greychart_manager, greychart_approver, greychart_admin;

-- The shared records of the plan and the organisation, each as the JSON of
-- its Greychart type, with the version an edit must have been made on.
CREATE TABLE greychart.records (
    kind       text NOT NULL CHECK (kind IN ('team', 'person', 'component', 'service', 'release', 'change',
                                             'dependency', 'period', 'absence', 'approval_rule', 'requirement')),
    id         text NOT NULL CHECK (id <> ''),
    data       jsonb NOT NULL,
    version    bigint NOT NULL DEFAULT 1 CHECK (version > 0),
    deleted    boolean NOT NULL DEFAULT false,
    changed_by text NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);

-- The server keeps each record's version and who changed it last: an edit
-- names the version it was made on, and a stale one is never applied.
CREATE FUNCTION greychart.stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, greychart
    AS $$
BEGIN
    NEW.version := CASE WHEN TG_OP = 'UPDATE' THEN OLD.version + 1 ELSE 1 END;
    NEW.changed_by := session_user;
    NEW.changed_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON greychart.records
    FOR EACH ROW EXECUTE FUNCTION greychart.stamp();

-- Decisions: insert-only for everyone.
CREATE TABLE greychart.decisions (
    id          bigserial PRIMARY KEY,
    release     text NOT NULL,
    approver    text NOT NULL,
    decision    text NOT NULL CHECK (decision IN ('approved', 'rejected', 'abstained')),
    comment     text NOT NULL DEFAULT '',
    scope       text NOT NULL DEFAULT '',
    recorded_by text NOT NULL,
    login       text NOT NULL DEFAULT session_user,
    on_behalf   boolean NOT NULL DEFAULT false,
    source      text,
    decided_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT on_behalf OR coalesce(source, '') <> '')
);

-- An approver away lets a delegate decide for them over a date range.
CREATE TABLE greychart.delegations (
    id        bigserial PRIMARY KEY,
    delegator text NOT NULL,
    delegate  text NOT NULL CHECK (delegate <> delegator),
    starts_on date NOT NULL,
    ends_on   date NOT NULL CHECK (ends_on >= starts_on),
    set_by    text NOT NULL DEFAULT session_user
);

-- The audit trail: written by the trigger below, insert-only for everyone.
CREATE TABLE greychart.audit (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    login     text NOT NULL DEFAULT session_user,
    action    text NOT NULL,
    entity    text NOT NULL,
    entity_id text NOT NULL,
    data      jsonb
);

CREATE FUNCTION greychart.audit_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$
DECLARE
    row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO greychart.audit (login, action, entity, entity_id, data)
    VALUES (session_user, lower(TG_OP), TG_TABLE_NAME,
            coalesce(row_data ->> 'id', row_data ->> 'login', ''), row_data);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION greychart.audit_row() FROM PUBLIC;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON greychart.records
    FOR EACH ROW EXECUTE FUNCTION greychart.audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON greychart.decisions
    FOR EACH ROW EXECUTE FUNCTION greychart.audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON greychart.delegations
    FOR EACH ROW EXECUTE FUNCTION greychart.audit_row();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON greychart.members
    FOR EACH ROW EXECUTE FUNCTION greychart.audit_row();

-- Privileges: what each group may attempt at all.
GRANT SELECT ON greychart.meta, greychart.members, greychart.records, greychart.decisions,
    greychart.delegations, greychart.audit TO greychart_manager, greychart_approver, greychart_admin;
GRANT INSERT, UPDATE, DELETE ON greychart.records TO greychart_manager;
GRANT INSERT ON greychart.decisions TO greychart_manager, greychart_approver;
GRANT USAGE ON SEQUENCE greychart.decisions_id_seq TO greychart_manager, greychart_approver;
GRANT INSERT, DELETE ON greychart.delegations TO greychart_approver, greychart_admin;
GRANT USAGE ON SEQUENCE greychart.delegations_id_seq TO greychart_approver, greychart_admin;
GRANT INSERT, UPDATE, DELETE ON greychart.members TO greychart_admin;

-- Row-level security, forced on every table (the owner too).
ALTER TABLE greychart.meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.meta FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.meta FOR SELECT USING (true);

ALTER TABLE greychart.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.members FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.members FOR SELECT USING (true);
CREATE POLICY manage ON greychart.members FOR ALL TO greychart_admin
    USING (greychart.my_role() = 'admin') WITH CHECK (greychart.my_role() = 'admin');
-- The role that set the team up (`team init`, `team add-user`) manages it too.
CREATE POLICY setup ON greychart.members FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);

ALTER TABLE greychart.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.records FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.records FOR SELECT USING (greychart.my_role() IS NOT NULL);
CREATE POLICY plan ON greychart.records FOR ALL TO greychart_manager
    USING (greychart.my_role() = 'manager')
    WITH CHECK (greychart.my_role() = 'manager' AND changed_by = session_user);

ALTER TABLE greychart.decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.decisions FOR SELECT USING (greychart.my_role() IS NOT NULL);
CREATE POLICY decide ON greychart.decisions FOR INSERT TO greychart_manager, greychart_approver
    WITH CHECK (
        login = session_user
        AND recorded_by = greychart.my_person()
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

ALTER TABLE greychart.delegations ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.delegations FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.delegations FOR SELECT USING (greychart.my_role() IS NOT NULL);
CREATE POLICY own ON greychart.delegations FOR INSERT TO greychart_approver, greychart_admin
    WITH CHECK (set_by = session_user
                AND (delegator = greychart.my_person() OR greychart.my_role() = 'admin'));
CREATE POLICY withdraw ON greychart.delegations FOR DELETE TO greychart_approver, greychart_admin
    USING (delegator = greychart.my_person() OR greychart.my_role() = 'admin');

ALTER TABLE greychart.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.audit FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.audit FOR SELECT USING (greychart.my_role() IS NOT NULL);
-- Only the trigger's function (the owner) inserts, as the session's user.
CREATE POLICY trail ON greychart.audit FOR INSERT WITH CHECK (login = session_user);
