-- The regions (city codes) a dispatcher works in. A dispatcher without a row works in every region.
create table staff_region (
    username varchar(80) not null,
    region   varchar(6)  not null,
    primary key (username, region)
);
