-- A dispatcher's word on a review list entry (route board): who reviewed it, when, with what note. One per review,
-- so a retried "reviewed" acts once.
create table job_review_outcome (
    review_id   bigint        not null primary key,
    reviewed_by varchar(100)  not null,
    note        varchar(500)  not null,
    reviewed_at datetime(6)   not null,
    constraint fk_job_review_outcome_review foreign key (review_id) references job_review (id)
);
