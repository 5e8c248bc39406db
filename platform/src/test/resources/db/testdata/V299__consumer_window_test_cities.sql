-- Test only: fictional cities on China Standard Time that no other test plans in, for the consumer link tests of
-- branch window8. 997100: member tier rights per brand (MemberTierRightsTests); 997200: tracking ETA, completion
-- code and the link's bad input (ConsumerLinkEdgeTests); 997300: the expired and revoked link pages
-- (ConsumerLinkStateBrowserTests).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('997100', '测试会员市', 'Test member city', '990000', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('997101', '测试会员区', 'Test member district', '997100', 31.5000, 121.5000, 'Asia/Shanghai'),
    ('997200', '测试跟踪市', 'Test tracking city', '990000', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('997201', '测试跟踪区', 'Test tracking district', '997200', 31.6000, 121.6000, 'Asia/Shanghai'),
    ('997300', '测试链接市', 'Test link city', '990000', 31.7000, 121.7000, 'Asia/Shanghai'),
    ('997301', '测试链接区', 'Test link district', '997300', 31.7000, 121.7000, 'Asia/Shanghai');
