-- Every job an installer's app was shown on their route: "was this ever theirs?" once the plan moved it on. Dispatch's
-- visit records name installers only once events arrive, and installer_route_seen keeps only the last route.
create table installer_job_shown (
    installer_id   bigint    not null,
    order_id       bigint    not null,
    first_shown_at timestamp not null,
    primary key (installer_id, order_id)
);
