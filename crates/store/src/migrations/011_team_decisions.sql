-- Greychart workspace schema, version 11: decisions through a team.
--
-- A decision says how it was given: in the app by the approver (or their
-- delegate: recorded_by), or on paper or by mail, recorded by a manager
-- from a source; and, in a team workspace, as which login. The approval
-- settings and the requirements are shared records of a team workspace,
-- so their changes are noted for the next sync like the others'.
ALTER TABLE decisions ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN login TEXT NOT NULL DEFAULT '';

-- The team side of each decision of a team workspace: the edit that pushes
-- it (several requirements of one approver share one), the scope of the
-- release its approver saw, and the team's id for it once recorded there
-- (NULL: waiting to be pushed; 0: refused by the team).
CREATE TABLE team_decisions (
    decision TEXT PRIMARY KEY,
    edit_id  TEXT NOT NULL,
    release  TEXT NOT NULL,
    approver TEXT NOT NULL,
    scope    TEXT NOT NULL,
    team_id  INTEGER
) STRICT;
CREATE INDEX team_decisions_edit ON team_decisions(edit_id);

CREATE TRIGGER team_dirty_settings_insert AFTER INSERT ON settings BEGIN INSERT INTO team_dirty SELECT 'setting', NEW.key WHERE NEW.key IN ('change_manager', 'cab_chair', 'finance_approver', 'finance_threshold') AND NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'setting' AND id = NEW.key); END;
CREATE TRIGGER team_dirty_settings_update AFTER UPDATE ON settings BEGIN INSERT INTO team_dirty SELECT 'setting', NEW.key WHERE NEW.key IN ('change_manager', 'cab_chair', 'finance_approver', 'finance_threshold') AND NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'setting' AND id = NEW.key); INSERT INTO team_dirty SELECT 'setting', OLD.key WHERE OLD.key IN ('change_manager', 'cab_chair', 'finance_approver', 'finance_threshold') AND NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'setting' AND id = OLD.key); END;
CREATE TRIGGER team_dirty_settings_delete AFTER DELETE ON settings BEGIN INSERT INTO team_dirty SELECT 'setting', OLD.key WHERE OLD.key IN ('change_manager', 'cab_chair', 'finance_approver', 'finance_threshold') AND NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'setting' AND id = OLD.key); END;
CREATE TRIGGER team_dirty_requirements_insert AFTER INSERT ON requirements BEGIN INSERT INTO team_dirty SELECT 'requirement', NEW.id WHERE NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'requirement' AND id = NEW.id); END;
CREATE TRIGGER team_dirty_requirements_update AFTER UPDATE ON requirements BEGIN INSERT INTO team_dirty SELECT 'requirement', NEW.id WHERE NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'requirement' AND id = NEW.id); INSERT INTO team_dirty SELECT 'requirement', OLD.id WHERE NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'requirement' AND id = OLD.id); END;
CREATE TRIGGER team_dirty_requirements_delete AFTER DELETE ON requirements BEGIN INSERT INTO team_dirty SELECT 'requirement', OLD.id WHERE NOT EXISTS (SELECT 1 FROM team_dirty WHERE kind = 'requirement' AND id = OLD.id); END;
