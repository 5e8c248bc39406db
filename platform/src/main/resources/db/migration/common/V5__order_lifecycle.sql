-- What the order process needs on the order: the consumer's link token, the completion code, SLA warnings.
alter table service_order add column consumer_token varchar(40);
alter table service_order add column verification_code varchar(6);
alter table service_order add column verification_failures int not null default 0;
create unique index uq_order_consumer_token on service_order (consumer_token);

create table order_warning (
    id        bigint       not null auto_increment primary key,
    order_id  bigint       not null,
    level     varchar(10)  not null,
    reason    varchar(60)  not null,
    raised_at datetime(6)  not null,
    constraint fk_warning_order foreign key (order_id) references service_order (id)
);
