-- One edit works on what it touches: the rules re-derive one release's
-- requirements from its own changes and the people of the teams owning
-- what they change, and stale marks find a release's decisions, each by
-- index instead of reading the table (greychart-bench edit).
CREATE INDEX changes_release ON changes(release);
CREATE INDEX people_team ON people(team);
CREATE INDEX requirements_release ON requirements(release);
CREATE INDEX decisions_requirement ON decisions(requirement);
