-- Spring Modulith's event publication registry: the transactional outbox of our domain events.
create table event_publication (
    id               binary(16)    not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date datetime(6)  not null,
    completion_date  datetime(6)  null
);
create index ix_event_publication_incomplete on event_publication (completion_date);
