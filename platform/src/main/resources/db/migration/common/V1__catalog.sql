-- Service catalog and reference regions (GB/T 2260). Regions are reference data: extend them by migration.
create table region (
    code        varchar(6)   not null primary key,
    name_zh     varchar(60)  not null,
    name_en     varchar(80)  not null,
    parent_code varchar(6),
    lat         double,
    lng         double
);

create table service_type_def (
    code                     varchar(40) not null primary key,
    name_zh                  varchar(40) not null,
    name_en                  varchar(60) not null,
    default_duration_minutes int         not null,
    crew_size                int         not null
);

create table service_type_skill (
    service_type varchar(40) not null,
    skill        varchar(40) not null,
    primary key (service_type, skill),
    constraint fk_sts_type foreign key (service_type) references service_type_def (code)
);

create table region_fee (
    id           bigint      not null auto_increment primary key,
    service_type varchar(40) not null,
    region_code  varchar(6)  not null,
    fee_cents    bigint      not null,
    constraint uq_region_fee unique (service_type, region_code),
    constraint fk_fee_type foreign key (service_type) references service_type_def (code),
    constraint fk_fee_region foreign key (region_code) references region (code)
);

insert into service_type_def (code, name_zh, name_en, default_duration_minutes, crew_size) values
    ('DELIVERY', '送货', 'Delivery', 30, 1),
    ('INSTALLATION', '安装', 'Installation', 90, 1),
    ('DELIVERY_AND_INSTALLATION', '送装一体', 'Delivery and installation', 120, 1),
    ('REPAIR', '维修', 'Repair', 60, 1),
    ('MEASUREMENT', '测量', 'Measurement', 45, 1);

insert into service_type_skill (service_type, skill) values
    ('DELIVERY', 'DELIVERY'),
    ('DELIVERY_AND_INSTALLATION', 'DELIVERY'),
    ('REPAIR', 'REPAIR'),
    ('MEASUREMENT', 'MEASURING');

insert into region (code, name_zh, name_en, parent_code, lat, lng) values
    ('330000', '浙江省', 'Zhejiang', null, 30.2670, 120.1527),
    ('330100', '杭州市', 'Hangzhou', '330000', 30.2741, 120.1551),
    ('330102', '上城区', 'Shangcheng', '330100', 30.2425, 120.1693),
    ('330105', '拱墅区', 'Gongshu', '330100', 30.3195, 120.1417),
    ('330106', '西湖区', 'Xihu', '330100', 30.2729, 120.1301),
    ('330108', '滨江区', 'Binjiang', '330100', 30.2084, 120.2119),
    ('330109', '萧山区', 'Xiaoshan', '330100', 30.1837, 120.2645),
    ('330110', '余杭区', 'Yuhang', '330100', 30.2737, 119.9789),
    ('330111', '富阳区', 'Fuyang', '330100', 30.0490, 119.9604),
    ('330112', '临安区', 'Lin''an', '330100', 30.2338, 119.7248),
    ('330113', '临平区', 'Linping', '330100', 30.4190, 120.2990),
    ('330114', '钱塘区', 'Qiantang', '330100', 30.3226, 120.4930),
    ('330122', '桐庐县', 'Tonglu', '330100', 29.7971, 119.6914),
    ('330127', '淳安县', 'Chun''an', '330100', 29.6090, 119.0420),
    ('330182', '建德市', 'Jiande', '330100', 29.4748, 119.2815),
    ('330200', '宁波市', 'Ningbo', '330000', 29.8683, 121.5440),
    ('330203', '海曙区', 'Haishu', '330200', 29.8596, 121.5509),
    ('330205', '江北区', 'Jiangbei', '330200', 29.8868, 121.5550),
    ('330206', '北仑区', 'Beilun', '330200', 29.8994, 121.8440),
    ('330211', '镇海区', 'Zhenhai', '330200', 29.9490, 121.7163),
    ('330212', '鄞州区', 'Yinzhou', '330200', 29.8170, 121.5470),
    ('330213', '奉化区', 'Fenghua', '330200', 29.6554, 121.4069),
    ('330300', '温州市', 'Wenzhou', '330000', 27.9943, 120.6994),
    ('330302', '鹿城区', 'Lucheng', '330300', 28.0150, 120.6550),
    ('330303', '龙湾区', 'Longwan', '330300', 27.9330, 120.8110),
    ('330304', '瓯海区', 'Ouhai', '330300', 27.9666, 120.6140),
    ('330400', '嘉兴市', 'Jiaxing', '330000', 30.7469, 120.7555),
    ('330402', '南湖区', 'Nanhu', '330400', 30.7470, 120.7850),
    ('330411', '秀洲区', 'Xiuzhou', '330400', 30.7630, 120.7090),
    ('330500', '湖州市', 'Huzhou', '330000', 30.8942, 120.0868),
    ('330502', '吴兴区', 'Wuxing', '330500', 30.8570, 120.1850),
    ('330503', '南浔区', 'Nanxun', '330500', 30.8500, 120.4180),
    ('330600', '绍兴市', 'Shaoxing', '330000', 29.9958, 120.5861),
    ('330602', '越城区', 'Yuecheng', '330600', 29.9890, 120.5820),
    ('330603', '柯桥区', 'Keqiao', '330600', 30.0810, 120.4950),
    ('330604', '上虞区', 'Shangyu', '330600', 30.0330, 120.8680),
    ('330700', '金华市', 'Jinhua', '330000', 29.0790, 119.6474),
    ('330702', '婺城区', 'Wucheng', '330700', 29.0870, 119.5710),
    ('330703', '金东区', 'Jindong', '330700', 29.0990, 119.6930),
    ('330782', '义乌市', 'Yiwu', '330700', 29.3060, 120.0750),
    ('310000', '上海市', 'Shanghai', null, 31.2304, 121.4737),
    ('310100', '上海市辖区', 'Shanghai districts', '310000', 31.2304, 121.4737),
    ('310101', '黄浦区', 'Huangpu', '310100', 31.2317, 121.4846),
    ('310104', '徐汇区', 'Xuhui', '310100', 31.1885, 121.4365),
    ('310105', '长宁区', 'Changning', '310100', 31.2204, 121.4242),
    ('310106', '静安区', 'Jing''an', '310100', 31.2235, 121.4480),
    ('310107', '普陀区', 'Putuo', '310100', 31.2494, 121.3970),
    ('310109', '虹口区', 'Hongkou', '310100', 31.2646, 121.5052),
    ('310110', '杨浦区', 'Yangpu', '310100', 31.2595, 121.5260),
    ('310112', '闵行区', 'Minhang', '310100', 31.1129, 121.3817),
    ('310113', '宝山区', 'Baoshan', '310100', 31.4045, 121.4893),
    ('310115', '浦东新区', 'Pudong', '310100', 31.2215, 121.5447),
    ('320000', '江苏省', 'Jiangsu', null, 32.0617, 118.7778),
    ('320500', '苏州市', 'Suzhou', '320000', 31.2990, 120.5853),
    ('320505', '虎丘区', 'Huqiu', '320500', 31.2950, 120.5660),
    ('320506', '吴中区', 'Wuzhong', '320500', 31.2620, 120.6320),
    ('320507', '相城区', 'Xiangcheng', '320500', 31.3690, 120.6420),
    ('320508', '姑苏区', 'Gusu', '320500', 31.3110, 120.6170),
    ('110000', '北京市', 'Beijing', null, 39.9042, 116.4074),
    ('110100', '北京市辖区', 'Beijing districts', '110000', 39.9042, 116.4074),
    ('110101', '东城区', 'Dongcheng', '110100', 39.9288, 116.4160),
    ('110102', '西城区', 'Xicheng', '110100', 39.9123, 116.3660),
    ('110105', '朝阳区', 'Chaoyang', '110100', 39.9215, 116.4431),
    ('110106', '丰台区', 'Fengtai', '110100', 39.8585, 116.2870),
    ('110108', '海淀区', 'Haidian', '110100', 39.9560, 116.3100);

insert into region_fee (service_type, region_code, fee_cents) values
    ('DELIVERY', '330100', 5000),
    ('INSTALLATION', '330100', 15000),
    ('DELIVERY_AND_INSTALLATION', '330100', 18000),
    ('REPAIR', '330100', 10000),
    ('MEASUREMENT', '330100', 6000),
    ('INSTALLATION', '330127', 22000),
    ('INSTALLATION', '310000', 20000);
