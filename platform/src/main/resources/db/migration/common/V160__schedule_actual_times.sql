-- What the installer reported on the visit under way (arrived, started, finished), in the region's wall-clock time
-- as the plan keeps it: the planner times the route from these facts.
alter table schedule_job add column actual_arrival datetime;
alter table schedule_job add column actual_start datetime;
alter table schedule_job add column actual_end datetime;
