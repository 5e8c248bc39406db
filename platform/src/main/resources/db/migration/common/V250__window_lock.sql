-- One row per region and visit day, locked (row lock, until commit) by every window reservation of that day: under
-- READ COMMITTED a booking's read of the held windows and its slot number are two statements, and a booking that
-- committed between them could otherwise be missed while the slot number still came out free.
create table window_lock (
    lock_key  varchar(40) not null primary key,
    taken_at  datetime(6) not null
);
