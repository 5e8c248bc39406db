-- What installers report on a job: each applied event once (the order of ids is the order they were applied),
-- the photos they took, one evidence record per completion, and the dispatcher's review list.
create table job_event (
    id               bigint        not null auto_increment primary key,
    order_id         bigint        not null,
    provider_id      bigint        not null,
    installer_id     bigint,
    type             varchar(20)   not null,
    channel          varchar(20)   not null,
    occurred_at      datetime(6)   not null,
    received_at      datetime(6)   not null,
    lat              double,
    lng              double,
    distance_m       double,
    inside_geofence  boolean,
    exception_reason varchar(30),
    note             varchar(500),
    serial_numbers   varchar(2000),
    constraint fk_job_event_order foreign key (order_id) references service_order (id)
);
create index ix_job_event_order on job_event (order_id, id);

create table job_photo (
    id           bigint       not null auto_increment primary key,
    order_id     bigint       not null,
    installer_id bigint,
    event_id     bigint,
    kind         varchar(20)  not null,
    checksum     char(64)     not null,
    content_type varchar(40)  not null,
    size_bytes   bigint       not null,
    storage_key  varchar(200) not null,
    taken_at     datetime(6),
    taken_lat    double,
    taken_lng    double,
    uploaded_at  datetime(6)  not null,
    constraint uq_job_photo unique (order_id, checksum),
    constraint fk_job_photo_order foreign key (order_id) references service_order (id)
);
create index ix_job_photo_checksum on job_photo (checksum);

create table job_evidence (
    event_id            bigint        not null primary key,
    order_id            bigint        not null,
    provider_id         bigint        not null,
    installer_id        bigint,
    region_code         varchar(12)   not null,
    geofence            varchar(10)   not null,
    arrival_distance_m  double,
    photo_count         int           not null,
    photo_checksums     varchar(2000) not null,
    code_verified       boolean       not null,
    serial_numbers      varchar(2000) not null,
    on_site_seconds     bigint,
    planned_seconds     bigint        not null,
    flags               varchar(200)  not null,
    created_at          datetime(6)   not null,
    constraint fk_job_evidence_order foreign key (order_id) references service_order (id)
);
create index ix_job_evidence_order on job_evidence (order_id);

-- Jobs a dispatcher should look at: flagged evidence, or an offline event that could not be applied.
create table job_review (
    id          bigint        not null auto_increment primary key,
    order_id    bigint        not null,
    region_code varchar(12)   not null,
    kind        varchar(20)   not null,
    flags       varchar(200)  not null,
    detail      varchar(2000) not null,
    created_at  datetime(6)   not null,
    constraint fk_job_review_order foreign key (order_id) references service_order (id)
);
create index ix_job_review_region on job_review (region_code, id);
