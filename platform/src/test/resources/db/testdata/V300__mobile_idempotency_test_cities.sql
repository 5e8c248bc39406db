-- Test only: fictional cities on China Standard Time for the installer app's race tests (MobileIdempotencyOnMariaDbTests
-- plans in 998100; 998200 is kept for the same branch's next class), so their live solver holds only their jobs.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('998100', '测试幂等市', 'Test idempotency city', '990000', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('998101', '测试幂等区', 'Test idempotency district', '998100', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('998200', '测试移动市', 'Test mobile city', '990000', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('998201', '测试移动区', 'Test mobile district', '998200', 30.2765, 120.1229, 'Asia/Shanghai');
