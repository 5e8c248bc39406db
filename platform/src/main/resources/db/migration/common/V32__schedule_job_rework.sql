-- A rework visit is planned at priority and preferably not by the original installer.
alter table schedule_job add column rework boolean not null default false;
alter table schedule_job add column avoided_installer_id bigint;
