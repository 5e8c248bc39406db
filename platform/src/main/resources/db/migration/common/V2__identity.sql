-- Tenants (brands), their API keys (only a SHA-256 of the secret is kept) and platform users.
create table brand (
    id         bigint       not null auto_increment primary key,
    code       varchar(40)  not null,
    name       varchar(200) not null,
    created_at datetime(6) not null,
    constraint uq_brand_code unique (code)
);

create table api_key (
    id          bigint       not null auto_increment primary key,
    brand_id    bigint       not null,
    key_id      varchar(32)  not null,
    secret_hash char(64)     not null,
    created_at  datetime(6) not null,
    revoked_at  datetime(6) null,
    constraint uq_api_key unique (key_id),
    constraint fk_api_key_brand foreign key (brand_id) references brand (id)
);

create table app_user (
    id            bigint       not null auto_increment primary key,
    username      varchar(80)  not null,
    password_hash varchar(120) not null,
    display_name  varchar(200),
    roles         varchar(200) not null,
    provider_id   bigint,
    installer_id  bigint,
    enabled       boolean      not null,
    constraint uq_app_user unique (username)
);

-- Remembered results of requests sent with an Idempotency-Key, per caller scope.
create table idempotency_record (
    id           bigint       not null auto_increment primary key,
    scope        varchar(80)  not null,
    idem_key     varchar(128) not null,
    request_hash char(64)     not null,
    result_ref   varchar(200) not null,
    created_at   datetime(6) not null,
    constraint uq_idempotency unique (scope, idem_key)
);
