-- The consumer's booked window (day and window of the brand's catalogue) and how often it was moved.
create table appointment (
    order_id       bigint       not null primary key,
    visit_day      date         not null,
    window_code    varchar(20)  not null,
    window_start   time         not null,
    window_end     time         not null,
    premium        boolean      not null,
    reschedules    int          not null,
    updated_at     datetime(6)  not null,
    version        bigint       not null,
    constraint fk_appointment_order foreign key (order_id) references service_order (id)
);

-- A reschedule less than 24 h before the window waits for a dispatcher (改约审批); the old window stands meanwhile.
create table reschedule_request (
    id             bigint       not null auto_increment primary key,
    order_id       bigint       not null,
    from_day       date         not null,
    from_window    varchar(20)  not null,
    to_day         date         not null,
    to_window      varchar(20)  not null,
    premium        boolean      not null,
    reason         varchar(20)  not null,
    note           varchar(300),
    status         varchar(10)  not null,
    requested_at   datetime(6)  not null,
    decided_at     datetime(6),
    decided_by     varchar(120),
    decision_note  varchar(300),
    version        bigint       not null,
    constraint fk_reschedule_order foreign key (order_id) references service_order (id)
);
create index ix_reschedule_status on reschedule_request (status, id);
create index ix_reschedule_order on reschedule_request (order_id, id);

-- A member's rights across their orders of a brand (会员通): looked up by the consumer's phone.
create index ix_order_member on service_order (brand_id, consumer_phone);
