-- Greychart workspace schema, version 8: a change may carry its own risk,
-- as a change request rates it (ServiceNow's Risk); empty when only its
-- release is rated.
ALTER TABLE changes ADD COLUMN risk TEXT CHECK (risk IN ('low', 'medium', 'high'));
