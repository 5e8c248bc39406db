-- Test only: fictional cities on China Standard Time that no other test plans in (branch console10c), so each class's
-- live solver holds only its own jobs and installers:
--   995100 the board page's edits in Chromium (BoardConsoleEditsBrowserTests),
--   995200 the route board API (RouteBoardApiTests: every edit's preview against its commit),
--   995300 a region's hand-over to a rebuilt planner (RegionHandOverTests).
insert into region (code, name_zh, name_en, parent_code, lat, lng, zone_id) values
    ('995100', '测试编辑市', 'Test edits city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('995101', '测试编辑区', 'Test edits district', '995100', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('995200', '测试看板市', 'Test board city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('995201', '测试看板区', 'Test board district', '995200', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('995300', '测试交接市', 'Test hand-over city', '990000', 31.2000, 121.4400, 'Asia/Shanghai'),
    ('995301', '测试交接区', 'Test hand-over district', '995300', 31.2000, 121.4400, 'Asia/Shanghai');
