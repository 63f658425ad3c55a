-- Greychart team database, version 2: what clients need to sync.
--
-- Each record change keeps the id of the transaction that made it (xid8):
-- a client pulls every change from the oldest transaction still running
-- at its last pull, so a commit is never skipped, also when transactions
-- commit out of the order they began in. Deletions stay as rows marked
-- deleted, for the same reason.
ALTER TABLE greychart.records ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX records_txid ON greychart.records (txid);

CREATE OR REPLACE FUNCTION greychart.stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, greychart
    AS $$
BEGIN
    NEW.version := CASE WHEN TG_OP = 'UPDATE' THEN OLD.version + 1 ELSE 1 END;
    NEW.changed_by := session_user;
    NEW.changed_at := now();
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END
$$;

-- Every edit a client pushed, by its id: a retried push never applies twice.
CREATE TABLE greychart.applied_edits (
    edit_id text PRIMARY KEY,
    login   text NOT NULL DEFAULT session_user,
    at      timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON greychart.applied_edits TO greychart_manager, greychart_approver, greychart_admin;
GRANT INSERT ON greychart.applied_edits TO greychart_manager;
ALTER TABLE greychart.applied_edits ENABLE ROW LEVEL SECURITY;
ALTER TABLE greychart.applied_edits FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON greychart.applied_edits FOR SELECT USING (greychart.my_role() IS NOT NULL);
CREATE POLICY push ON greychart.applied_edits FOR INSERT TO greychart_manager
    WITH CHECK (login = session_user AND greychart.my_role() = 'manager');
