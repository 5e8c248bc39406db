-- Each visit of an order assigned to a provider: counted against the provider's daily capacity per service type
-- until released, and the installer (or crew, lead first) that did it, from the plan or reported.
create table job_visit (
    id               bigint       not null auto_increment primary key,
    order_id         bigint       not null,
    kind             varchar(20)  not null,
    provider_id      bigint       not null,
    service_type     varchar(40)  not null,
    visit_date       date,
    installer_ids    varchar(100),
    installer_source varchar(10)  not null,
    released         boolean      not null,
    created_at       datetime(6)  not null,
    version          bigint       not null,
    constraint fk_job_visit_order foreign key (order_id) references service_order (id),
    constraint fk_job_visit_provider foreign key (provider_id) references service_provider (id)
);
create index ix_job_visit_order on job_visit (order_id, id);
create index ix_job_visit_capacity on job_visit (provider_id, visit_date, service_type);

-- A brand's dispatch settings; no row means the defaults.
create table brand_dispatch_setting (
    brand_id                 bigint  not null primary key,
    rework_by_same_installer boolean not null,
    version                  bigint  not null,
    constraint fk_bds_brand foreign key (brand_id) references brand (id)
);
