-- At most one service-order process per order, enforced by the database: the process starter inserts the row in
-- the transaction that starts the process, and a cancellation before any start inserts it to say none may start.
create table order_process (
    order_id   bigint      not null primary key,
    started    boolean     not null,
    claimed_at datetime(6) not null
);
