-- A consumer's call-back request (no window suits them, or they moved the visit too often): a dispatcher's item on
-- the route board until someone phoned them. One open request per order; closed ones stay as the record.
create table callback_request (
    id            bigint       not null auto_increment primary key,
    order_id      bigint       not null,
    status        varchar(10)  not null,
    requested_at  datetime(6)  not null,
    done_at       datetime(6),
    done_by       varchar(120),
    done_note     varchar(300),
    version       bigint       not null,
    constraint fk_callback_order foreign key (order_id) references service_order (id)
);
create index ix_callback_status on callback_request (status, id);
create index ix_callback_order on callback_request (order_id, id);
