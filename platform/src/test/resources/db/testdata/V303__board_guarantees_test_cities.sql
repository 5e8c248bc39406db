-- Test only: fictional cities on China Standard Time that no other test plans in (branch board10d), so each test's
-- live solver holds only its own jobs and installers:
--   992400 a region whose board a dispatcher of 992500 probes on every route (BoardRegionLimitsTests),
--   992500 that dispatcher's own region,
--   992600 pins and a locked day under a kept re-optimization (BoardGuaranteesTests),
--   992700 a re-optimization's progress stream, its end, discard and keep (BoardGuaranteesTests),
--   996800 an installer sick from 11:00 (BoardGuaranteesTests),
--   996900 the audit entry of every edit kind (BoardGuaranteesTests).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('992400', '测试越区市', 'Test probed city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992401', '测试越区区', 'Test probed district', '992400', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992500', '测试本区市', 'Test own city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992501', '测试本区区', 'Test own district', '992500', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992600', '测试钉住市', 'Test pins city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992601', '测试钉住区', 'Test pins district', '992600', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992700', '测试重排市', 'Test re-optimize city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('992701', '测试重排区', 'Test re-optimize district', '992700', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('996800', '测试病假市', 'Test sick city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('996801', '测试病假区', 'Test sick district', '996800', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('996900', '测试审计市', 'Test audit city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('996901', '测试审计区', 'Test audit district', '996900', 31.2000, 121.4400, 'Asia/Shanghai');
