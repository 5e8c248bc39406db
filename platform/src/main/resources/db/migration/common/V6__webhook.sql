-- Brand webhooks: one endpoint per brand, the deliveries (an outbox of signed events) and every attempt.
create table webhook_endpoint (
    id                bigint        not null auto_increment primary key,
    brand_id          bigint        not null,
    url               varchar(2000) not null,
    -- The HMAC key must be usable to sign, so it cannot be hashed; only brands read it back, once.
    secret            varchar(100)  not null,
    active            boolean       not null,
    created_at        datetime(6)   not null,
    updated_at        datetime(6)   not null,
    secret_rotated_at datetime(6)   not null,
    version           bigint        not null,
    constraint uq_webhook_endpoint_brand unique (brand_id),
    constraint fk_webhook_endpoint_brand foreign key (brand_id) references brand (id)
);

create table webhook_delivery (
    id               bigint       not null auto_increment primary key,
    brand_id         bigint       not null,
    -- Stable across retries and replays: receivers drop duplicates by it.
    event_id         char(36)     not null,
    event_type       varchar(64)  not null,
    order_id         bigint,
    -- The exact JSON body; every attempt sends the same bytes.
    payload          text         not null,
    status           varchar(20)  not null,
    created_at       datetime(6)  not null,
    next_attempt_at  datetime(6),
    -- A retry cycle starts at the first attempt (or a replay) and gives up after the configured max age.
    cycle_started_at datetime(6),
    cycle_attempts   int          not null,
    attempt_count    int          not null,
    last_attempt_at  datetime(6),
    last_status_code int,
    last_error       varchar(500),
    delivered_at     datetime(6),
    -- Optimistic claim by one dispatcher: works on H2, MariaDB and MySQL alike (no SKIP LOCKED needed).
    claimed_until    datetime(6),
    claim_token      char(36),
    version          bigint       not null,
    constraint uq_webhook_delivery_event unique (event_id),
    constraint fk_webhook_delivery_brand foreign key (brand_id) references brand (id)
);
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_brand on webhook_delivery (brand_id, id);
create index ix_webhook_delivery_order on webhook_delivery (brand_id, order_id);

create table webhook_attempt (
    id               bigint        not null auto_increment primary key,
    delivery_id      bigint        not null,
    attempt_no       int           not null,
    trigger_kind     varchar(20)   not null,
    started_at       datetime(6)   not null,
    duration_ms      bigint        not null,
    url              varchar(2000) not null,
    status_code      int,
    error            varchar(500),
    response_excerpt varchar(500),
    constraint fk_webhook_attempt_delivery foreign key (delivery_id) references webhook_delivery (id)
);
create index ix_webhook_attempt_delivery on webhook_attempt (delivery_id, attempt_no);
