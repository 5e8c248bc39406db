-- Shared token buckets (Bucket4j state), one row per limited subject, so every node spends from the same budget.
-- id: SHA-256 (hex) of the limit, its configuration and the subject (a phone, an address, a link token, an API key
-- id), so no secret is stored. state: Bucket4j's serialised bucket, swapped by compare-and-swap on version.
-- expires_at: epoch millis after which the bucket is full again and the row may go (retention deletes it).
create table rate_limit_bucket (
    id         char(64)        not null primary key,
    limit_name varchar(40)     not null,
    state      varbinary(4096) not null,
    version    bigint          not null,
    expires_at bigint          not null
);

create index ix_rate_limit_bucket_expires on rate_limit_bucket (expires_at);
