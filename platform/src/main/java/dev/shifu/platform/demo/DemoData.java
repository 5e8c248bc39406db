package dev.shifu.platform.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.ProductCategory;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.BrandAccounts;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.installer.MobileSignIns;
import dev.shifu.platform.network.InstallerRequest;
import dev.shifu.platform.network.NetworkAdministration;
import dev.shifu.platform.network.ProviderRequest;
import dev.shifu.platform.network.ProviderType;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.CreateOrderRequest;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderSubmissions;
import dev.shifu.platform.shared.GeoPoint;

/**
 * Loads the demo once (a second start finds the brand and only prints the credentials). Everything is drawn from a
 * fixed seed, so every machine gets the same city; order dates are relative to the day of the first start.
 */
@Component
@ConditionalOnProperty(name = "shifu.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String MULAN_KEY = "sk_demomulan_mulandemosecret0001";

	static final String BREEZE_KEY = "sk_demobreeze_breezedemosecret01";

	static final Map<String, String> USERS = Map.of("admin", "shifu-admin", "dispatcher", "shifu-dispatch", "service",
			"shifu-service", "xihu-dealer", "shifu-provider", "binjiang-dealer", "shifu-provider", "swift-install",
			"shifu-provider");

	/**
	 * The installers with an app sign-in: the first crew of each provider, phone → provider; the third party's may
	 * answer its offers in the app. All sign in with {@link #INSTALLER_PASSWORD}.
	 */
	static final Map<String, String> INSTALLER_PHONES = Map.of("13900000001", "Mulan Xihu dealer", "13900000002",
			"Mulan Binjiang dealer", "13900000003", "Swift Install");

	static final String INSTALLER_PASSWORD = "shifu-installer";

	private static final int ORDERS = 200;

	private static final long SEED = 20261122L;

	/** The demo city: its zone defines the demo's calendar days. */
	static final String HANGZHOU_CITY = "330100";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国", "志强", "海燕", "晓东", "雪梅" };

	private static final String[] STREETS = { "文三路", "文一西路", "天目山路", "莫干山路", "延安路", "解放路", "江南大道", "滨盛路", "市心北路", "湖墅南路", "古墩路", "余杭塘路", "之江路", "丰潭路", "学院路", "秋涛路" };

	private static final List<String> DEALER_WEST = List.of("330106", "330105", "330102", "330110");

	private static final List<String> DEALER_EAST = List.of("330108", "330109", "330114", "330113");

	private static final List<String> HANGZHOU = List.of("330102", "330105", "330106", "330108", "330109", "330110",
			"330111", "330113", "330114");

	private final BrandAccounts accounts;

	private final NetworkAdministration network;

	private final OrderSubmissions orders;

	private final Regions regions;

	private final MobileSignIns signIns;

	private final java.time.Clock clock;

	private final DemoProgress progress;

	private final StaffRegions staffRegions;

	DemoData(BrandAccounts accounts, NetworkAdministration network, OrderSubmissions orders, Regions regions,
			MobileSignIns signIns, DemoProgress progress, java.util.Optional<java.time.Clock> clock, StaffRegions staffRegions) {
		this.progress = progress;
		this.staffRegions = staffRegions;
		this.signIns = signIns;
		this.accounts = accounts;
		this.network = network;
		this.orders = orders;
		this.regions = regions;
		this.clock = clock.orElse(java.time.Clock.systemUTC());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), regions.zoneOf(HANGZHOU_CITY));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.findBrandId("mulan").isEmpty()) {
			load();
		}
		printCredentials();
	}

	private void load() {
		Random random = new Random(SEED);
		var mulan = accounts.createBrandWithKey("mulan", "木兰家居 Mulan Home (doors & wardrobes)", MULAN_KEY);
		var breeze = accounts.createBrandWithKey("breeze", "清风电器 Breeze Appliances", BREEZE_KEY);
		Actor admin = new Actor("demo-loader", Set.of(Role.ADMIN), null, null, null);

		ProviderView west = network.createProvider(admin, new ProviderRequest("木兰西湖授权服务商 Mulan Xihu dealer",
				ProviderType.DEALER, mulan.brandId(), "0571-88001234",
				new ProviderRequest.Coverage(DEALER_WEST, new GeoPoint(30.2729, 120.1301), 15.0), capacity(40)));
		ProviderView east = network.createProvider(admin, new ProviderRequest("木兰滨江授权服务商 Mulan Binjiang dealer",
				ProviderType.DEALER, mulan.brandId(), "0571-86001234",
				new ProviderRequest.Coverage(DEALER_EAST, new GeoPoint(30.2084, 120.2119), 18.0), capacity(40)));
		ProviderView swift = network.createProvider(admin, new ProviderRequest("速装到家 Swift Install",
				ProviderType.THIRD_PARTY, null, "400-820-1234",
				new ProviderRequest.Coverage(HANGZHOU, new GeoPoint(30.2741, 120.1551), 40.0), capacity(80)));

		progress.providers(List.of(west.id(), east.id(), swift.id()));
		int installers = 0;
		installers += installers(admin, west, random, DemoData::dealerSkills, 10, "13900000001", false);
		installers += installers(admin, east, random, i -> {
			Set<Skill> skills = dealerSkills(i);
			if (i % 5 == 0) {
				skills.add(Skill.SMART_LOCK);
			}
			return skills;
		}, 10, "13900000002", false);
		installers += installers(admin, swift, random, DemoData::thirdPartySkills, 10, "13900000003", true);

		accounts.createUser("admin", USERS.get("admin"), "Demo admin", Set.of(Role.ADMIN), null, null);
		accounts.createUser("dispatcher", USERS.get("dispatcher"), "Demo dispatcher", Set.of(Role.DISPATCHER), null, null);
		// Regions fail closed: the demo dispatcher works in every city.
		staffRegions.assign("dispatcher", regions.all().stream().map(Regions.Region::code)
			.filter(code -> code.matches("\\d{4}00") && !code.endsWith("0000"))
			.collect(java.util.stream.Collectors.toSet()));
		accounts.createUser("service", USERS.get("service"), "Demo customer service", Set.of(Role.CUSTOMER_SERVICE), null, null);
		accounts.createUser("xihu-dealer", USERS.get("xihu-dealer"), "Xihu dealer admin", Set.of(Role.PROVIDER_ADMIN), west.id(), null);
		accounts.createUser("binjiang-dealer", USERS.get("binjiang-dealer"), "Binjiang dealer admin", Set.of(Role.PROVIDER_ADMIN), east.id(), null);
		accounts.createUser("swift-install", USERS.get("swift-install"), "Swift Install admin", Set.of(Role.PROVIDER_ADMIN), swift.id(), null);

		Actor mulanActor = Actor.brand(mulan.brandId(), "mulan");
		Actor breezeActor = Actor.brand(breeze.brandId(), "breeze");
		LocalDate today = today();
		for (int i = 1; i <= ORDERS; i++) {
			boolean isMulan = i <= ORDERS * 7 / 10;
			long id = orders.submit(isMulan ? mulanActor : breezeActor, order(random, i, isMulan, today), "demo-" + i);
			// Every fifth order gets booked on one of the next three days and accepted, so the app's crews have work.
			if (i % 5 == 0) {
				progress.follow(id, today.plusDays(1 + (i / 5) % 3));
			}
		}
		log.info("Demo data loaded: 2 brands, 3 providers, {} installers, {} orders", installers, ORDERS);
	}

	/** Dealers deliver and fit doors; every other crew is a two-person wardrobe and cabinet team. */
	private static Set<Skill> dealerSkills(int i) {
		Set<Skill> skills = EnumSet.of(Skill.DOOR, Skill.DELIVERY);
		if (i % 2 == 0) {
			skills.addAll(EnumSet.of(Skill.WARDROBE, Skill.CABINET));
		}
		if (i % 3 == 0) {
			skills.add(Skill.MEASURING);
		}
		if (i % 3 == 1) {
			skills.add(Skill.REPAIR);
		}
		return skills;
	}

	/** The third party delivers everything; half fit appliances, some carry sofas, the rest doors and wardrobes. */
	private static Set<Skill> thirdPartySkills(int i) {
		Set<Skill> skills = EnumSet.of(Skill.DELIVERY, Skill.REPAIR);
		if (i % 2 == 0) {
			skills.addAll(EnumSet.of(Skill.APPLIANCE, Skill.LIGHTING));
		}
		else {
			skills.addAll(EnumSet.of(Skill.DOOR, Skill.WARDROBE, Skill.SMART_LOCK));
		}
		if (i % 3 == 0) {
			skills.add(Skill.SOFA);
		}
		return skills;
	}

	/** The first of them gets the phone and an app sign-in; the random draws stay as they were without it. */
	private int installers(Actor admin, ProviderView provider, Random random,
			java.util.function.IntFunction<Set<Skill>> skillsOf, int count, String signInPhone, boolean providerAdmin) {
		for (int i = 0; i < count; i++) {
			Set<Skill> own = skillsOf.apply(i);
			List<InstallerRequest.Certificate> certificates = new ArrayList<>();
			for (Skill skill : own) {
				if (skill == Skill.WARDROBE || skill == Skill.APPLIANCE || skill == Skill.SMART_LOCK) {
					// A few expire within the planning horizon, so the certificate rule has something to do.
					LocalDate expiry = today().plusDays(random.nextInt(10) < 2 ? 3 : 200 + random.nextInt(400));
					certificates.add(new InstallerRequest.Certificate(skill, "ZJ-" + skill.name().charAt(0) + (10000 + random.nextInt(89999)), expiry));
				}
			}
			GeoPoint centre = provider.centre();
			GeoPoint home = new GeoPoint(round(centre.lat() + (random.nextDouble() - 0.5) * 0.12),
					round(centre.lng() + (random.nextDouble() - 0.5) * 0.12));
			boolean weekendTeam = i % 3 == 2;
			List<InstallerRequest.Shift> shifts = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				boolean works = weekendTeam ? day != DayOfWeek.MONDAY : day != DayOfWeek.SUNDAY;
				if (works) {
					shifts.add(new InstallerRequest.Shift(day, LocalTime.of(8, 30), LocalTime.of(18, 0)));
				}
			}
			List<LocalDate> leave = i % 5 == 0 ? List.of(today().plusDays(2 + random.nextInt(4))) : List.of();
			// Heavy goods (wardrobes, cabinets, sofas) need two people: those crews work in pairs.
			boolean pair = own.contains(Skill.WARDROBE) || own.contains(Skill.SOFA);
			String name = name(random) + "师傅";
			String phone = mobile(random);
			var created = network.createInstaller(admin, provider.id(), new InstallerRequest(name, i == 0 ? signInPhone : phone,
					own, certificates, home, shifts, leave, pair ? 2 : 1));
			if (i == 0) {
				signIns.give(created.id(), INSTALLER_PASSWORD, providerAdmin);
			}
		}
		return count;
	}

	private CreateOrderRequest order(Random random, int n, boolean mulan, LocalDate today) {
		String region = mulan ? (random.nextBoolean() ? DEALER_WEST : DEALER_EAST).get(random.nextInt(4))
				: HANGZHOU.get(random.nextInt(HANGZHOU.size()));
		Regions.Region r = regions.find(region).orElseThrow();
		GeoPoint location = new GeoPoint(round(r.lat() + (random.nextDouble() - 0.5) * 0.05),
				round(r.lng() + (random.nextDouble() - 0.5) * 0.05));
		List<CreateOrderRequest.Item> items = new ArrayList<>();
		ServiceType type;
		if (mulan) {
			boolean wardrobe = random.nextInt(10) < 4;
			items.add(wardrobe ? new CreateOrderRequest.Item("WD-" + (1800 + 200 * random.nextInt(4)) + "-OAK", "橡木衣柜 Oak wardrobe", ProductCategory.WARDROBE, 1, true)
					: new CreateOrderRequest.Item("DR-" + (700 + 100 * random.nextInt(3)) + "-WAL", "胡桃木室内门 Walnut interior door", ProductCategory.DOOR, 1 + random.nextInt(3), true));
			type = switch (random.nextInt(10)) {
				case 0 -> ServiceType.MEASUREMENT;
				case 1 -> ServiceType.REPAIR;
				case 2, 3 -> ServiceType.INSTALLATION;
				default -> ServiceType.DELIVERY_AND_INSTALLATION;
			};
		}
		else {
			boolean sofa = random.nextInt(10) < 3;
			items.add(sofa ? new CreateOrderRequest.Item("SF-3S-GRY", "三人布艺沙发 Three-seat sofa", ProductCategory.SOFA, 1, false)
					: new CreateOrderRequest.Item("AC-" + (26 + random.nextInt(3) * 9) + "-INV", "变频空调 Inverter air conditioner", ProductCategory.APPLIANCE, 1, true));
			type = random.nextInt(10) < 2 ? ServiceType.REPAIR : ServiceType.DELIVERY_AND_INSTALLATION;
		}
		GoodsStatus goods = switch (random.nextInt(4)) {
			case 0 -> GoodsStatus.NOT_SHIPPED;
			case 1 -> GoodsStatus.SHIPPED;
			default -> GoodsStatus.ARRIVED;
		};
		LocalDate eta = goods == GoodsStatus.SHIPPED ? today.plusDays(1 + random.nextInt(4)) : null;
		int tier = random.nextInt(20);
		MemberTier memberTier = tier < 11 ? MemberTier.NORMAL : tier < 16 ? MemberTier.SILVER : tier < 19 ? MemberTier.GOLD : MemberTier.PLATINUM;
		String district = r.nameZh();
		String address = "浙江省杭州市" + district + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(400)) + "号"
				+ (1 + random.nextInt(20)) + "幢" + (1 + random.nextInt(30)) + "0" + (1 + random.nextInt(4)) + "室";
		return new CreateOrderRequest((mulan ? "MULAN-" : "BREEZE-") + today.getYear() + "-" + String.format("%05d", n),
				new CreateOrderRequest.Consumer(name(random), mobile(random), address, region, location), items, type,
				memberTier, new CreateOrderRequest.Goods(goods, eta), today.plusDays(2 + random.nextInt(9)));
	}

	private static Map<ServiceType, Integer> capacity(int perType) {
		Map<ServiceType, Integer> capacity = new java.util.EnumMap<>(ServiceType.class);
		for (ServiceType type : ServiceType.values()) {
			capacity.put(type, perType);
		}
		return capacity;
	}

	private static String name(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

	private static String mobile(Random random) {
		String[] prefixes = { "138", "139", "137", "150", "151", "158", "186", "187", "135", "136" };
		return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
	}

	private static double round(double value) {
		return Math.round(value * 1e6) / 1e6;
	}

	private void printCredentials() {
		log.info("""

				==================== Shifu demo credentials (embedded profile only) ====================
				  Brand API keys (header X-Api-Key):
				    mulan  (木兰家居, doors & wardrobes): {}
				    breeze (清风电器, appliances):        {}
				  Users (form login, HTTP basic):
				    admin / shifu-admin            platform admin: Cockpit, Spring Boot Admin, everything
				    dispatcher / shifu-dispatch    dispatcher: Cockpit, Tasklist, all orders (phones masked)
				    service / shifu-service        customer service
				    xihu-dealer / shifu-provider   provider admin of provider 1 (Mulan Xihu dealer)
				    binjiang-dealer / shifu-provider, swift-install / shifu-provider: providers 2 and 3
				  Installers (mobile API /mobile/v1/auth/login, phone + password):
				    13900000001 / shifu-installer  Mulan Xihu dealer
				    13900000002 / shifu-installer  Mulan Binjiang dealer
				    13900000003 / shifu-installer  Swift Install (answers its offers in the app)
				=========================================================================================""",
				MULAN_KEY, BREEZE_KEY);
	}

}
