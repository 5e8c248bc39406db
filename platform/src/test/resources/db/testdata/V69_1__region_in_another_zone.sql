-- Test only: a fictional province, city and district on another time zone, so tests can show that days are
-- counted in each region's own zone. Code 99 is no GB/T 2260 province.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('990000', '测试省', 'Test province', null, 40.7128, -74.0060, 'America/New_York'),
    ('990100', '测试市', 'Test city', '990000', 40.7128, -74.0060, 'America/New_York'),
    ('990101', '测试区', 'Test district', '990100', 40.7128, -74.0060, 'America/New_York');
