-- Greychart team database, version 4: every commit that changes shared data
-- wakes the clients listening on the channel `greychart` (LISTEN
-- greychart). The notice names only the table, never the data: it is a
-- hint to pull, delivered when the transaction commits.
CREATE FUNCTION greychart.notify_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, greychart
    AS $$
BEGIN
    PERFORM pg_notify('greychart', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION greychart.notify_change() FROM PUBLIC;
CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON greychart.records
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.notify_change();
CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON greychart.decisions
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.notify_change();
CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON greychart.delegations
    FOR EACH STATEMENT EXECUTE FUNCTION greychart.notify_change();
