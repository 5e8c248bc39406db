-- A consumer's booked window held against one installer's day (shift). The unique (shift, slot) makes two bookings
-- that read the same state of a shift collide in the database: exactly one commits, the other is "just taken".
create table window_reservation (
    id              bigint       not null auto_increment primary key,
    order_id        bigint       not null,
    region          varchar(12)  not null,
    shift_id        varchar(40)  not null,
    installer_id    bigint       not null,
    provider_id     bigint       not null,
    visit_day           date         not null,
    window_start    time         not null,
    window_end      time         not null,
    slot_no         int          not null,
    lat             double       not null,
    lng             double       not null,
    service_seconds bigint       not null,
    service_type    varchar(40)  not null,
    active          boolean      not null,
    created_at      datetime(6)  not null,
    constraint uq_window_reservation_slot unique (shift_id, slot_no),
    constraint fk_window_reservation_order foreign key (order_id) references service_order (id)
);
create index ix_window_reservation_region on window_reservation (region, visit_day, active);
create index ix_window_reservation_order on window_reservation (order_id, active);

-- The booked window is the job's hard time window on its booked day.
alter table schedule_job add column window_day date;
alter table schedule_job add column window_start time;
alter table schedule_job add column window_end time;
