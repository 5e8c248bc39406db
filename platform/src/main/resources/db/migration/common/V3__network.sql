-- The installer network: providers (dealers of one brand, or third parties) and their installers.
create table service_provider (
    id            bigint       not null auto_increment primary key,
    name          varchar(200) not null,
    type          varchar(20)  not null,
    brand_id      bigint,
    contact_phone varchar(20),
    centre_lat    double,
    centre_lng    double,
    radius_km     double,
    status        varchar(20)  not null,
    rating        double       not null,
    created_at    datetime(6)  not null,
    version       bigint       not null,
    constraint fk_provider_brand foreign key (brand_id) references brand (id)
);

create table provider_region (
    provider_id bigint     not null,
    position    int        not null,
    region_code varchar(6) not null,
    primary key (provider_id, position),
    constraint fk_pr_provider foreign key (provider_id) references service_provider (id),
    constraint fk_pr_region foreign key (region_code) references region (code)
);
create index ix_provider_region_code on provider_region (region_code);

create table provider_capacity (
    provider_id    bigint      not null,
    service_type   varchar(40) not null,
    daily_capacity int         not null,
    primary key (provider_id, service_type),
    constraint fk_pc_provider foreign key (provider_id) references service_provider (id)
);

create table installer (
    id           bigint       not null auto_increment primary key,
    provider_id  bigint       not null,
    name         varchar(100) not null,
    phone        varchar(20)  not null,
    home_lat     double       not null,
    home_lng     double       not null,
    crew_size    int          not null,
    rating       double       not null,
    rating_count int          not null,
    status       varchar(20)  not null,
    version      bigint       not null,
    constraint uq_installer_phone unique (provider_id, phone),
    constraint fk_installer_provider foreign key (provider_id) references service_provider (id)
);

create table installer_skill (
    installer_id bigint      not null,
    skill        varchar(40) not null,
    primary key (installer_id, skill),
    constraint fk_is_installer foreign key (installer_id) references installer (id)
);

create table installer_certificate (
    installer_id bigint      not null,
    skill        varchar(40) not null,
    cert_number  varchar(60) not null,
    expires_on   date        not null,
    constraint fk_ic_installer foreign key (installer_id) references installer (id)
);

create table installer_shift (
    installer_id bigint      not null,
    day_of_week  varchar(10) not null,
    start_time   time        not null,
    end_time     time        not null,
    constraint fk_ish_installer foreign key (installer_id) references installer (id)
);

create table installer_leave (
    installer_id bigint not null,
    leave_date   date   not null,
    primary key (installer_id, leave_date),
    constraint fk_il_installer foreign key (installer_id) references installer (id)
);
