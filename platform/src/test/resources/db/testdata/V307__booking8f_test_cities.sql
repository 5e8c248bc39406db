-- Test only: a fictional city that no other test plans in (branch booking8f). 997400: ConsumerNotificationWebhookTests
-- (a brand's consumer.notification webhook of a window booking).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('997400', '测试通知钩子市', 'Test notification webhook city', '990000', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('997401', '测试通知钩子区', 'Test notification webhook district', '997400', 31.6000, 121.6000, 'Asia/Shanghai');
