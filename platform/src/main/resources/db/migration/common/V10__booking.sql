-- The visit day a consumer booked (the booking issue adds time windows).
create table booking (
    order_id    bigint      not null primary key,
    booked_date date        not null,
    updated_at  datetime(6) not null,
    version     bigint      not null,
    constraint fk_booking_order foreign key (order_id) references service_order (id)
);
