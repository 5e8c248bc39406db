-- Test only: a fictional city on China Standard Time that no other test plans in, for the PIN preview test
-- (BoardPinPreviewTests): its live solver holds only that class's jobs and installers.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('998600', '测试固定市', 'Test pin city', '990000', 31.4000, 121.4000, 'Asia/Shanghai'),
    ('998601', '测试固定区', 'Test pin district', '998600', 31.4000, 121.4000, 'Asia/Shanghai');
