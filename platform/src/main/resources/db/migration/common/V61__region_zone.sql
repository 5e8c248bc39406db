-- Each region's time zone defines its calendar days (booked day, today's plan, promised-by). A district without
-- its own entry in an import takes the zone given here; every region we know today is on China Standard Time.
alter table region add column zone_id varchar(40) default 'Asia/Shanghai' not null;
