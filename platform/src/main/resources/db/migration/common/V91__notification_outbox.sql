-- One message per channel and language: a row is claimed by one node before it is sent, retried with backoff,
-- and deduplicated by its key (the same event for the same recipient queues once).
alter table notification modify column recipient varchar(200) not null;
alter table notification add column channel varchar(10) not null default 'SMS';
alter table notification add column locale varchar(10);
alter table notification add column dedupe_key varchar(200);
alter table notification add column next_attempt_at datetime(6);
alter table notification add column claimed_by varchar(64);
alter table notification add column claimed_until datetime(6);
alter table notification add column last_error varchar(300);
create unique index uq_notification_dedupe on notification (dedupe_key);
create index ix_notification_due on notification (status, next_attempt_at);
