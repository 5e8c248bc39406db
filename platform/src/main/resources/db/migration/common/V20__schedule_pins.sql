-- Dispatcher pins and moves, and visits under way or done, survive a restart: where each pinned visit stands at the
-- head of which shift's route, the shift a dispatcher moved a visit to, and visits done today (kept on the route).
alter table schedule_job add column done boolean default false not null;
alter table schedule_job add column pinned_shift_id varchar(40);
alter table schedule_job add column pinned_date date;
alter table schedule_job add column pinned_position int;
alter table schedule_job add column moved_shift_id varchar(40);
