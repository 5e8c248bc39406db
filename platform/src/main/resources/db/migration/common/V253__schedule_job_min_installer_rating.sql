-- A premium window (a PLATINUM member's right) promises an installer rated at least this: the job's hard planner
-- rule (AssignmentRule.MIN_INSTALLER_RATING) and dispatch's offer filter. Null: any installer will do.
alter table schedule_job add column min_installer_rating double;
