-- Test only: two fictional cities on China Standard Time that no shared-context test plans in, so the Tasklist
-- region tests (TasklistRegionTests) can post orders there without their jobs landing on other tests' installers.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('990200', '测试东市', 'Test city east', '990000', 31.1000, 121.1000, 'Asia/Shanghai'),
    ('990201', '测试东区', 'Test district east', '990200', 31.1000, 121.1000, 'Asia/Shanghai'),
    ('990300', '测试西市', 'Test city west', '990000', 31.2000, 121.2000, 'Asia/Shanghai'),
    ('990301', '测试西区', 'Test district west', '990300', 31.2000, 121.2000, 'Asia/Shanghai');
