-- Test only: fictional cities on China Standard Time that no other test plans in. 998500: the region-less dispatcher
-- test (RegionlessDispatcherBoardBrowserTests) opens its board once the admin has assigned it.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('998500', '测试调度市', 'Test dispatch city', '990000', 31.3000, 121.3000, 'Asia/Shanghai'),
    ('998501', '测试调度区', 'Test dispatch district', '998500', 31.3000, 121.3000, 'Asia/Shanghai');
