-- Test only: a fictional city on China Standard Time that no other test plans in, for the PIN preview test
-- (BoardPinPreviewTests): its live solver holds only that class's jobs and installers.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('992860', '测试固定市', 'Test pin city', '990000', 31.4000, 121.4000, 'Asia/Shanghai'),
    ('992861', '测试固定区', 'Test pin district', '992860', 31.4000, 121.4000, 'Asia/Shanghai');
