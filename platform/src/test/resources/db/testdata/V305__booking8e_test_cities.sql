-- Test only: fictional cities that no other test plans in (branch booking8e). 992100 is on New Zealand time
-- (Pacific/Auckland, a calendar day ahead of China for most of the UTC day): ConsumerWindowsInTheRegionsZoneTests
-- shows windows and the plan on the region's own clock. 992200 (China Standard Time): ConsumerMessagesAndClosedLinkTests.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('992100', '测试新西兰市', 'Test Auckland city', '990000', -36.8485, 174.7633, 'Pacific/Auckland'),
    ('992101', '测试新西兰区', 'Test Auckland district', '992100', -36.8485, 174.7633, 'Pacific/Auckland'),
    ('992200', '测试消息市', 'Test messages city', '990000', 31.4000, 121.4000, 'Asia/Shanghai'),
    ('992201', '测试消息区', 'Test messages district', '992200', 31.4000, 121.4000, 'Asia/Shanghai');
