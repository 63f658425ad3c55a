-- Greychart workspace schema, version 6: a person's claims and reports are
-- found by index, so the window can fetch one person's evidence from a
-- chart of 100,000 people instead of holding all 800,000 claims. (Claims by
-- their source were indexed already, as claims_pair.) Deleting a person,
-- which cascades to their claims and clears their reports' manager, uses
-- them too.
CREATE INDEX claims_to ON claims(to_person);
CREATE INDEX people_manager ON people(manager);
