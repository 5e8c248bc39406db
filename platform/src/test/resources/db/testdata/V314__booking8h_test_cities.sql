-- Test only: fictional cities that no other test plans in (branch booking8h). 998900: WindowFitTests (an installer
-- working 09:00-12:00 only); 999100: WindowBookingTests (the default member tier rights, no brand configuration).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('998900', '测试半日班市', 'Test half-day shift city', '990000', 41.8900, 101.8900, 'Asia/Shanghai'),
    ('998901', '测试半日班区', 'Test half-day shift district', '998900', 41.8900, 101.8900, 'Asia/Shanghai'),
    ('999100', '测试默认会员权益市', 'Test default tier rights city', '990000', 41.9100, 101.9100, 'Asia/Shanghai'),
    ('999101', '测试默认会员权益区', 'Test default tier rights district', '999100', 41.9100, 101.9100, 'Asia/Shanghai');
