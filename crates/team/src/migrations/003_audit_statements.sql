-- Greychart team database, version 3: the audit trail written a statement
-- at a time (from its transition tables) rather than a row at a time: the
-- same rows, session_user and time of each change, and a publish of
-- 190,000 records no longer pays a trigger call per row.
CREATE FUNCTION greychart.audit_rows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, greychart
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO greychart.audit (login, action, entity, entity_id, data)
        SELECT session_user, 'delete', TG_TABLE_NAME,
               coalesce(to_jsonb(o) ->> 'id', to_jsonb(o) ->> 'login', ''), to_jsonb(o)
        FROM old_rows o;
    ELSE
        INSERT INTO greychart.audit (login, action, entity, entity_id, data)
        SELECT session_user, lower(TG_OP), TG_TABLE_NAME,
               coalesce(to_jsonb(n) ->> 'id', to_jsonb(n) ->> 'login', ''), to_jsonb(n)
        FROM new_rows n;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION greychart.audit_rows() FROM PUBLIC;

DROP TRIGGER audit ON greychart.records;
CREATE TRIGGER audit_insert AFTER INSERT ON greychart.records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_update AFTER UPDATE ON greychart.records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_delete AFTER DELETE ON greychart.records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
DROP TRIGGER audit ON greychart.decisions;
CREATE TRIGGER audit_insert AFTER INSERT ON greychart.decisions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_update AFTER UPDATE ON greychart.decisions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_delete AFTER DELETE ON greychart.decisions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
DROP TRIGGER audit ON greychart.delegations;
CREATE TRIGGER audit_insert AFTER INSERT ON greychart.delegations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_update AFTER UPDATE ON greychart.delegations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_delete AFTER DELETE ON greychart.delegations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
DROP TRIGGER audit ON greychart.members;
CREATE TRIGGER audit_insert AFTER INSERT ON greychart.members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_update AFTER UPDATE ON greychart.members REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
CREATE TRIGGER audit_delete AFTER DELETE ON greychart.members REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.audit_rows();
DROP FUNCTION greychart.audit_row();
