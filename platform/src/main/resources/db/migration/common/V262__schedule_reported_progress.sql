-- The installer's last progress report on the visit (EN_ROUTE, ARRIVED, STARTED, COMPLETED), whatever its day: the
-- dispatcher's board shows where the visit stands. Null until the installer reports; cleared for a new visit.
alter table schedule_job add column reported_progress varchar(16);
