-- An installer's sign-in code belongs to no order: the outbox keeps such messages with no order id.
alter table notification modify column order_id bigint null;
