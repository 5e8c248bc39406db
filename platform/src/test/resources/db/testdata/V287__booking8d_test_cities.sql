-- Test only: fictional cities on China Standard Time that no other test plans in (branch booking8d).
-- 993100: AppointmentBeforeScheduleRowTests (a window booked right after the order is posted);
-- 993200: BookedWindowAlertTests (a booked window the plan cannot keep, and a dispatcher of another region: 993500);
-- 993300: BookedWindowAlertBrowserTests; 993400: LateRescheduleDeclineTests.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('993100', '测试立约市', 'Test early booking city', '990000', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('993101', '测试立约区', 'Test early booking district', '993100', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('993200', '测试告警市', 'Test alert city', '990000', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('993201', '测试告警区', 'Test alert district', '993200', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('993300', '测试看板市', 'Test alert board city', '990000', 31.7000, 121.7000, 'Asia/Shanghai'),
    ('993301', '测试看板区', 'Test alert board district', '993300', 31.7000, 121.7000, 'Asia/Shanghai'),
    ('993400', '测试改约市', 'Test reschedule city', '990000', 31.8000, 121.8000, 'Asia/Shanghai'),
    ('993401', '测试改约区', 'Test reschedule district', '993400', 31.8000, 121.8000, 'Asia/Shanghai'),
    ('993500', '测试他市', 'Test other city', '990000', 31.9000, 121.9000, 'Asia/Shanghai'),
    ('993501', '测试他区', 'Test other district', '993500', 31.9000, 121.9000, 'Asia/Shanghai');
