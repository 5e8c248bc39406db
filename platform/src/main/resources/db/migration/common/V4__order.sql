-- Brand service orders, their items and status history.
create table service_order (
    id                bigint        not null auto_increment primary key,
    brand_id          bigint        not null,
    external_order_id varchar(64)   not null,
    request_hash      char(64)      not null,
    consumer_name     varchar(100)  not null,
    consumer_phone    varchar(20)   not null,
    address           varchar(300)  not null,
    region_code       varchar(6)    not null,
    lat               double        not null,
    lng               double        not null,
    service_type      varchar(40)   not null,
    member_tier       varchar(20)   not null,
    goods_status      varchar(20)   not null,
    expected_arrival  date,
    promised_by       date,
    duration_minutes  int           not null,
    crew_size         int           not null,
    required_skills   varchar(300)  not null,
    status            varchar(30)   not null,
    cancel_reason     varchar(500),
    created_at        datetime(6)   not null,
    updated_at        datetime(6)   not null,
    version           bigint        not null,
    constraint uq_order_external unique (brand_id, external_order_id),
    constraint fk_order_brand foreign key (brand_id) references brand (id),
    constraint fk_order_region foreign key (region_code) references region (code)
);
create index ix_order_brand_created on service_order (brand_id, created_at);
create index ix_order_status on service_order (status);
create index ix_order_region on service_order (region_code);

create table order_item (
    order_id               bigint       not null,
    position               int          not null,
    sku                    varchar(64)  not null,
    name                   varchar(200) not null,
    category               varchar(40)  not null,
    quantity               int          not null,
    serial_number_required boolean      not null,
    primary key (order_id, position),
    constraint fk_item_order foreign key (order_id) references service_order (id)
);

create table order_status_change (
    id          bigint       not null auto_increment primary key,
    order_id    bigint       not null,
    seq         int          not null,
    from_status varchar(30),
    to_status   varchar(30)  not null,
    actor       varchar(120) not null,
    reason      varchar(500),
    changed_at  datetime(6)  not null,
    constraint uq_status_change unique (order_id, seq),
    constraint fk_change_order foreign key (order_id) references service_order (id)
);
