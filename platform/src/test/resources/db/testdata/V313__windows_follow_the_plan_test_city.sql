-- Test only: a fictional city no other test plans in. 999300: WindowsFollowThePlanTests (a dispatcher's edit of the
-- live plan, not a booking, changes the windows offered).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('999300', '测试跟随计划市', 'Test windows follow the plan city', '990000', 41.9300, 101.9300, 'Asia/Shanghai'),
    ('999301', '测试跟随计划区', 'Test windows follow the plan district', '999300', 41.9300, 101.9300, 'Asia/Shanghai');
