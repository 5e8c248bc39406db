-- Identifiers compare byte for byte, as on H2: on a server whose default collation ignores case, `ab-1` and `AB-1`
-- would otherwise be the same external order id, key or token.
alter table brand modify code varchar(40) character set utf8mb4 collate utf8mb4_bin not null;
alter table api_key modify key_id varchar(32) character set utf8mb4 collate utf8mb4_bin not null;
alter table app_user modify username varchar(80) character set utf8mb4 collate utf8mb4_bin not null;
alter table idempotency_record modify idem_key varchar(128) character set utf8mb4 collate utf8mb4_bin not null;
alter table service_order modify external_order_id varchar(64) character set utf8mb4 collate utf8mb4_bin not null;
alter table service_order modify consumer_token varchar(40) character set utf8mb4 collate utf8mb4_bin;
