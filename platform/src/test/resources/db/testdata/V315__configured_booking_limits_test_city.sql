-- Test only: a fictional city no other test plans in. 999400: ConfiguredBookingLimitsTests (a goods margin and a
-- reschedule limit set in configuration, not the defaults).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('999400', '测试配置限额市', 'Test configured limits city', '990000', 41.9400, 101.9400, 'Asia/Shanghai'),
    ('999401', '测试配置限额区', 'Test configured limits district', '999400', 41.9400, 101.9400, 'Asia/Shanghai');
