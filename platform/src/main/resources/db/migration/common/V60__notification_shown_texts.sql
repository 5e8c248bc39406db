-- What staff and logs may see of a message: the sent text with the consumer's link (and any code) masked.
-- Rows queued before this column exist keep null here and are masked when read.
alter table notification add column shown_zh varchar(1000);
alter table notification add column shown_en varchar(1000);
