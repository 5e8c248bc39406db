-- Test only: a fictional city that no other test plans in (branch board10). 999200: BoardPreviewWordsTests (a preview's
-- words against its numbers: a booked window broken by a move to a far installer).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('999200', '测试预览措辞市', 'Test preview words city', '990000', 41.9200, 101.9200, 'Asia/Shanghai'),
    ('999201', '测试预览措辞区', 'Test preview words district', '999200', 41.9200, 101.9200, 'Asia/Shanghai');
