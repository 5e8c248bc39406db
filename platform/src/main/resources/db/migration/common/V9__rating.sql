-- Consumer ratings, complaints and rework visits counted per installer.
create table rating (
    id           bigint        not null auto_increment primary key,
    order_id     bigint        not null,
    installer_id bigint,
    stars        int           not null,
    tags         varchar(300),
    comment      varchar(1000),
    created_at   datetime(6)   not null,
    constraint uq_rating_order unique (order_id),
    constraint fk_rating_order foreign key (order_id) references service_order (id)
);

create table complaint (
    id           bigint        not null auto_increment primary key,
    order_id     bigint        not null,
    installer_id bigint,
    source       varchar(20)   not null,
    details      varchar(1500),
    status       varchar(10)   not null,
    created_at   datetime(6)   not null,
    constraint fk_complaint_order foreign key (order_id) references service_order (id)
);
create index ix_complaint_order on complaint (order_id);

create table rework (
    id           bigint      not null auto_increment primary key,
    order_id     bigint      not null,
    installer_id bigint,
    provider_id  bigint,
    created_at   datetime(6) not null,
    constraint fk_rework_order foreign key (order_id) references service_order (id)
);
create index ix_rework_installer on rework (installer_id);
