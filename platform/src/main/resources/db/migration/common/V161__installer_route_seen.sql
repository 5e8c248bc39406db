-- The last route each installer's app was shown per day (a digest per planned job) and the jobs under way that a plan
-- change touched since: kept here, not in one node's memory, so every node flags the same changes.
create table installer_route_seen (
    installer_id bigint       not null,
    route_day    date         not null,
    planned      text         not null,
    flagged      varchar(2000) not null,
    updated_at   timestamp    not null,
    primary key (installer_id, route_day)
);
