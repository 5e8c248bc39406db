-- The last position an installer on the way reported for a visit: it refines the consumer's ETA.
create table installer_position (
    order_id     bigint      not null primary key,
    lat          double      not null,
    lng          double      not null,
    reported_at  datetime(6) not null,
    constraint fk_installer_position_order foreign key (order_id) references service_order (id)
);
