-- Greychart workspace schema, version 3: a change may be held back to a
-- day ("start no earlier than"), set by dragging it on the timeline.
ALTER TABLE changes ADD COLUMN not_before TEXT;
