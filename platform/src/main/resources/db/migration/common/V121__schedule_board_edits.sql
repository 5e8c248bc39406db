-- Dispatcher edits of the route board that survive a rebuild or restart: a visit taken off the plan by hand (held,
-- until a dispatcher moves it again), and a shift cut short (installer unavailable from a time, or a locked day).
alter table schedule_job add column held boolean default false not null;

create table shift_cutoff (
    shift_id varchar(40) not null primary key,
    region   varchar(6)  not null,
    end_time datetime(6) not null
);
