-- The consumer's language (the brand's choice, else the browser's), and the links a brand or dispatcher replaced:
-- only a hash of each old token is kept, so the page can say "replaced" without storing a credential.
alter table service_order add column locale varchar(10);
alter table service_order add column consumer_locale varchar(10);
alter table service_order add column consumer_email varchar(200);

create table consumer_link_revoked (
    token_hash  char(64)    not null primary key,
    order_id    bigint      not null,
    revoked_at  datetime(6) not null,
    revoked_by  varchar(100) not null,
    constraint fk_link_revoked_order foreign key (order_id) references service_order (id)
);
create index ix_link_revoked_order on consumer_link_revoked (order_id);
