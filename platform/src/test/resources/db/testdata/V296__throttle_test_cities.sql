-- Test only: fictional cities for the rate limit tests (RateLimitApiTests, RateLimitsOnMariaDbTests), so their orders
-- land in live solvers that no other test plans in.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('996100', '测试限流市', 'Test throttle city', '990000', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('996101', '测试限流区', 'Test throttle district', '996100', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('996200', '测试双节点市', 'Test two-node city', '990000', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('996201', '测试双节点区', 'Test two-node district', '996200', 31.6000, 121.6000, 'Asia/Shanghai');
