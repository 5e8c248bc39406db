-- Outbox of messages to consumers and providers, rendered in zh-CN and en when queued.
create table notification (
    id          bigint        not null auto_increment primary key,
    order_id    bigint        not null,
    recipient   varchar(20)   not null,
    template    varchar(40)   not null,
    text_zh     varchar(1000) not null,
    text_en     varchar(1000) not null,
    status      varchar(10)   not null,
    attempts    int           not null,
    created_at  datetime(6)   not null,
    sent_at     datetime(6),
    constraint fk_notification_order foreign key (order_id) references service_order (id)
);
create index ix_notification_status on notification (status, id);
create index ix_notification_order on notification (order_id);
