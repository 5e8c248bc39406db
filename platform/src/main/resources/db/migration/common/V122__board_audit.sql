-- Every route-board edit: who, what, where the jobs stood before and after, the score before and after, and when.
create table board_audit (
    id           bigint        not null auto_increment primary key,
    region       varchar(6)    not null,
    actor        varchar(80)   not null,
    action       varchar(32)   not null,
    job_id       varchar(40),
    shift_id     varchar(40),
    edit         varchar(1000) not null,
    before_state varchar(4000),
    after_state  varchar(4000),
    score_before varchar(100),
    score_after  varchar(100),
    created_at   datetime(6)   not null
);
create index ix_board_audit_region on board_audit (region, id);
