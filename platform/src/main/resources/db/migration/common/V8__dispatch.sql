-- Offers of an order's job to providers, one at a time, each with an expiry.
create table offer (
    id             bigint       not null auto_increment primary key,
    order_id       bigint       not null,
    provider_id    bigint       not null,
    attempt        int          not null,
    status         varchar(10)  not null,
    offered_at     datetime(6)  not null,
    expires_at     datetime(6)  not null,
    answered_at    datetime(6),
    answered_by    varchar(120),
    decline_reason varchar(300),
    version        bigint       not null,
    constraint fk_offer_order foreign key (order_id) references service_order (id),
    constraint fk_offer_provider foreign key (provider_id) references service_provider (id)
);
create index ix_offer_provider on offer (provider_id, id);
create index ix_offer_order on offer (order_id, id);
