-- Test only: fictional cities on China Standard Time that no other test plans in, each with one district, so a
-- test's live solver holds only its own jobs and installers (far from every other test's
-- addresses, so no provider covering by radius reaches them): 994100 for PremiumInstallerTests, 994200-994500 for
-- WindowFitTests (skill, crew, leave, a full route).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('994100', '测试优选市', 'Test premium city', '990000', 40.1000, 100.1000, 'Asia/Shanghai'),
    ('994101', '测试优选区', 'Test premium district', '994100', 40.1000, 100.1000, 'Asia/Shanghai'),
    ('994200', '测试技能市', 'Test skill city', '990000', 40.2000, 100.2000, 'Asia/Shanghai'),
    ('994201', '测试技能区', 'Test skill district', '994200', 40.2000, 100.2000, 'Asia/Shanghai'),
    ('994300', '测试人数市', 'Test crew city', '990000', 40.3000, 100.3000, 'Asia/Shanghai'),
    ('994301', '测试人数区', 'Test crew district', '994300', 40.3000, 100.3000, 'Asia/Shanghai'),
    ('994400', '测试休假市', 'Test leave city', '990000', 40.4000, 100.4000, 'Asia/Shanghai'),
    ('994401', '测试休假区', 'Test leave district', '994400', 40.4000, 100.4000, 'Asia/Shanghai'),
    ('994500', '测试满程市', 'Test full route city', '990000', 40.5000, 100.5000, 'Asia/Shanghai'),
    ('994501', '测试满程区', 'Test full route district', '994500', 40.5000, 100.5000, 'Asia/Shanghai');
