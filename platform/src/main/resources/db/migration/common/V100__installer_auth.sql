-- Installer sign-in for the mobile API: a credential per installer (phone unique across providers, password hash),
-- sessions (one per login on a device), rotating refresh tokens (only a SHA-256 is kept) and one-time login codes
-- (only a SHA-256 is kept). Revoking a session ends its access and refresh tokens.
create table installer_credential (
    installer_id   bigint       not null primary key,
    phone          varchar(20)  not null,
    password_hash  varchar(120),
    provider_admin boolean      not null,
    updated_at     datetime(6)  not null,
    constraint uq_installer_credential_phone unique (phone),
    constraint fk_installer_credential_installer foreign key (installer_id) references installer (id)
);

create table installer_session (
    id            varchar(36)  not null primary key,
    installer_id  bigint       not null,
    provider_id   bigint       not null,
    device_name   varchar(100),
    created_at    datetime(6)  not null,
    revoked_at    datetime(6),
    revoke_reason varchar(40),
    constraint fk_installer_session_installer foreign key (installer_id) references installer (id)
);
create index ix_installer_session_installer on installer_session (installer_id);

create table installer_refresh_token (
    id          bigint       not null auto_increment primary key,
    session_id  varchar(36)  not null,
    token_hash  char(64)     not null,
    created_at  datetime(6)  not null,
    expires_at  datetime(6)  not null,
    used_at     datetime(6),
    constraint uq_installer_refresh_token unique (token_hash),
    constraint fk_installer_refresh_session foreign key (session_id) references installer_session (id)
);

create table installer_login_code (
    id         bigint       not null auto_increment primary key,
    phone      varchar(20)  not null,
    code_hash  char(64)     not null,
    created_at datetime(6)  not null,
    expires_at datetime(6)  not null,
    attempts   int          not null,
    used_at    datetime(6)
);
create index ix_installer_login_code_phone on installer_login_code (phone, id);
