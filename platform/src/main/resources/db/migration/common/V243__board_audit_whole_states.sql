-- The before and after of a board edit are kept whole (a lock of a long day, a kept re-optimization): a retried
-- commit answers its first outcome read back from them, and a cut JSON could not be read.
alter table board_audit modify column before_state mediumtext;
alter table board_audit modify column after_state mediumtext;
