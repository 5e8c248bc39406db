-- Test only: fictional cities on China Standard Time (branch mobile9d), so each class's live solver holds only its
-- jobs: AddressWrongRevisitTests plans in 992800, ProviderAdminOfferTermsTests offers in 992900.
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('992800', '测试地址市', 'Test address city', '990000', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('992801', '测试地址区', 'Test address district', '992800', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('992900', '测试报价市', 'Test offer city', '990000', 30.2765, 120.1229, 'Asia/Shanghai'),
    ('992901', '测试报价区', 'Test offer district', '992900', 30.2765, 120.1229, 'Asia/Shanghai');
