-- What the schedule knows about each order's visit, and the stored best plan per region.
create table schedule_job (
    order_id               bigint     not null primary key,
    region                 varchar(6) not null,
    provider_id            bigint,
    booked_date            date,
    preferred_installer_id bigint,
    pinned                 boolean    not null,
    version                bigint     not null
);
create index ix_schedule_job_region on schedule_job (region);

create table planned_visit (
    id                  bigint       not null auto_increment primary key,
    region              varchar(6)   not null,
    plan_date           date         not null,
    shift_id            varchar(40)  not null,
    installer_ids       varchar(100) not null,
    provider_id         bigint,
    job_id              varchar(40)  not null,
    order_id            bigint       not null,
    position            int          not null,
    arrival_time        datetime(6)  not null,
    start_time          datetime(6)  not null,
    end_time            datetime(6)  not null,
    travel_seconds      bigint       not null,
    pinned              boolean      not null
);
create index ix_planned_visit_region_date on planned_visit (region, plan_date);
create index ix_planned_visit_installer on planned_visit (installer_ids, plan_date);

create table plan_summary (
    region      varchar(6)   not null primary key,
    score       varchar(100) not null,
    feasible    boolean      not null,
    unassigned  int          not null,
    jobs        int          not null,
    updated_at  datetime(6)  not null
);
