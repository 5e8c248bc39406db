package dev.shifu.platform.order.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.shifu.platform.catalog.ServiceRequirements;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderEvents;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.InvalidFieldException;

/**
 * The service order aggregate. Every status change goes through {@link #moveTo}, which refuses moves the status
 * machine does not allow and writes the history line in the same transaction.
 */
@Entity
@jakarta.persistence.EntityListeners(OrderReadCache.Eviction.class)
@Table(name = "service_order")
class ServiceOrder extends AbstractAggregateRoot<ServiceOrder> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long brandId;

	private String externalOrderId;

	/** Hash of the intake request, so a replay with a different body is told apart from a retry. */
	private String requestHash;

	private String consumerName;

	private String consumerPhone;

	private String address;

	private String regionCode;

	private double lat;

	private double lng;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_item", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "position")
	private List<OrderItem> items = new ArrayList<>();

	@Enumerated(EnumType.STRING)
	private ServiceType serviceType;

	@Enumerated(EnumType.STRING)
	private MemberTier memberTier;

	@Enumerated(EnumType.STRING)
	private GoodsStatus goodsStatus;

	private LocalDate expectedArrival;

	private LocalDate promisedBy;

	private int durationMinutes;

	private int crewSize;

	/** Comma-separated skills the job needs, fixed at intake from the catalog. */
	@Column(name = "required_skills")
	private String requiredSkills;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String cancelReason;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id", nullable = false)
	@OrderBy("sequence")
	private List<OrderStatusChange> history = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id", nullable = false)
	@OrderBy("id")
	private List<OrderWarning> warnings = new ArrayList<>();

	/** The consumer's link token: it opens this order and nothing else. */
	private String consumerToken;

	/** The code the consumer gives the installer to confirm completion (核销). */
	private String verificationCode;

	private String consumerEmail;

	/** The brand's notes for the installer (special notes on the job), or null. */
	private String installationNotes;

	/** The consumer's language as the brand gave it (zh-CN, en), or null. */
	private String locale;

	/** The language the consumer's browser asked for when the brand gave none; messages fall back to it. */
	private String consumerLocale;

	private int verificationFailures;

	private Instant lastVerificationFailureAt;

	@Version
	private long version;

	protected ServiceOrder() {
	}

	static ServiceOrder receive(long brandId, String externalOrderId, String requestHash, String consumerName,
			String consumerPhone, String address, String regionCode, GeoPoint location, List<OrderItem> items,
			ServiceType serviceType, MemberTier tier, GoodsStatus goodsStatus, LocalDate expectedArrival,
			LocalDate promisedBy, ServiceRequirements requirements, String actor) {
		if (goodsStatus == GoodsStatus.SHIPPED && expectedArrival == null) {
			throw new InvalidFieldException("goods.expectedArrival", "is required when the goods are SHIPPED");
		}
		if (goodsStatus == GoodsStatus.DAMAGED) {
			throw new InvalidFieldException("goods.status", "DAMAGED is reported by the installer on site");
		}
		ServiceOrder order = new ServiceOrder();
		order.brandId = brandId;
		order.externalOrderId = externalOrderId;
		order.requestHash = requestHash;
		order.consumerName = consumerName;
		order.consumerPhone = consumerPhone;
		order.address = address;
		order.regionCode = regionCode;
		order.lat = location.lat();
		order.lng = location.lng();
		order.items.addAll(items);
		order.serviceType = serviceType;
		order.memberTier = tier;
		order.goodsStatus = goodsStatus;
		order.expectedArrival = goodsStatus == GoodsStatus.ARRIVED ? null : expectedArrival;
		order.promisedBy = promisedBy;
		order.durationMinutes = requirements.durationMinutes();
		order.crewSize = requirements.crewSize();
		order.requiredSkills = String.join(",", requirements.skills().stream().map(Skill::name).sorted().toList());
		order.createdAt = Instant.now();
		order.updatedAt = order.createdAt;
		order.status = OrderStatus.RECEIVED;
		order.consumerToken = Secrets.token();
		order.verificationCode = Secrets.digits(6);
		order.history.add(new OrderStatusChange(1, null, OrderStatus.RECEIVED, actor, "order received"));
		return order;
	}

	/** Registers the acceptance event once the id is known (after the first save). */
	void accepted() {
		registerEvent(new OrderEvents.OrderAccepted(id, brandId, externalOrderId, serviceType, memberTier, regionCode,
				goodsStatus, expectedArrival, promisedBy));
		registerEvent(new OrderEvents.OrderStatusChanged(id, brandId, externalOrderId, 1, null, OrderStatus.RECEIVED,
				history.get(0).getActor(), "order received", createdAt));
	}

	void moveTo(OrderStatus next, String actor, String reason) {
		if (!status.canMoveTo(next)) {
			throw new ConflictException("illegal-transition",
					"Order " + id + " cannot move from " + status + " to " + next);
		}
		OrderStatus previous = status;
		status = next;
		if (next == OrderStatus.REWORK_SCHEDULED) {
			// The installer of the first visit was told its code: the rework visit gets a code of its own, which the
			// consumer's link shows from the rework's day on.
			renewVerificationCode();
		}
		updatedAt = Instant.now();
		int sequence = history.size() + 1;
		history.add(new OrderStatusChange(sequence, previous, next, actor, reason));
		registerEvent(new OrderEvents.OrderStatusChanged(id, brandId, externalOrderId, sequence, previous, next, actor,
				reason, updatedAt));
	}

	/**
	 * The process reached {@code next}. A repeat of a status that cannot recur is a retried job: nothing to do. Once
	 * cancelled, the order ignores the process, which is being cancelled too.
	 */
	boolean applyWorkflowStatus(OrderStatus next, String actor, String reason) {
		if (status == OrderStatus.CANCELLED || (status == next && !status.canMoveTo(next))) {
			return false;
		}
		moveTo(next, actor, reason);
		return true;
	}

	void recordWarning(String level, String reason) {
		warnings.add(new OrderWarning(level, reason));
	}

	/** Wrong codes allowed in a row before the code locks for {@link #VERIFICATION_LOCK}: a guess takes ages. */
	static final int VERIFICATION_ATTEMPTS = 5;

	static final java.time.Duration VERIFICATION_LOCK = java.time.Duration.ofHours(1);

	boolean verify(String code, Instant now) {
		boolean valid = code != null && java.security.MessageDigest.isEqual(
				code.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				verificationCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		if (!valid) {
			verificationFailures++;
			lastVerificationFailureAt = now;
			if (verificationFailures % VERIFICATION_ATTEMPTS == 0) {
				recordWarning("ALERT", "VERIFICATION_CODE_LOCKED");
			}
		}
		return valid;
	}

	/** After every fifth wrong code in a row, completion waits an hour: brute force over a million codes is hopeless. */
	java.util.Optional<Instant> verificationLockedUntil(Instant now) {
		if (verificationFailures == 0 || verificationFailures % VERIFICATION_ATTEMPTS != 0) {
			return java.util.Optional.empty();
		}
		Instant until = lastVerificationFailureAt.plus(VERIFICATION_LOCK);
		return until.isAfter(now) ? java.util.Optional.of(until) : java.util.Optional.empty();
	}

	/** A dispatcher lifts the lock (the installer has checked the consumer another way): the count starts again. */
	void unlockVerification() {
		verificationFailures = 0;
		lastVerificationFailureAt = null;
	}

	/**
	 * The consumer asks for a fresh code through their link: the old code stops working, and the lock and the count
	 * of wrong codes go with it (whoever guessed had no link).
	 */
	String renewVerificationCode() {
		String fresh = Secrets.digits(6);
		while (fresh.equals(verificationCode)) {
			fresh = Secrets.digits(6);
		}
		verificationCode = fresh;
		unlockVerification();
		return fresh;
	}

	void checkCancellable() {
		if (!status.isCancellable()) {
			throw new ConflictException("illegal-transition", "Order " + id + " is " + status + " and cannot be cancelled");
		}
	}

	void cancel(String reason, String actor) {
		checkCancellable();
		cancelReason = reason;
		moveTo(OrderStatus.CANCELLED, actor, reason);
		registerEvent(new OrderEvents.OrderCancelled(id, brandId, reason, actor));
	}

	/**
	 * Logistics moves goods forward only: NOT_SHIPPED, SHIPPED (with a new date as often as it changes), ARRIVED; after
	 * the installer found them DAMAGED, the replacement moves forward the same way.
	 * Repeating the current arrival is a no-op, so a retried update does nothing twice.
	 */
	boolean updateGoods(GoodsStatus next, LocalDate eta) {
		if (status.isTerminal()) {
			throw new ConflictException("illegal-transition", "Order " + id + " is " + status);
		}
		if (next == GoodsStatus.SHIPPED && eta == null) {
			throw new InvalidFieldException("expectedArrival", "is required when the goods are SHIPPED");
		}
		if (next == GoodsStatus.DAMAGED) {
			throw new InvalidFieldException("status", "DAMAGED is reported by the installer on site");
		}
		// Damaged goods start over: the replacement is reported NOT_SHIPPED, SHIPPED or ARRIVED like the first goods.
		if (goodsStatus != GoodsStatus.DAMAGED && next.ordinal() < goodsStatus.ordinal()) {
			throw new ConflictException("illegal-transition", "Goods of order " + id + " are already " + goodsStatus);
		}
		LocalDate newEta = next == GoodsStatus.ARRIVED ? null : eta;
		if (next == goodsStatus && java.util.Objects.equals(newEta, expectedArrival)) {
			return false;
		}
		goodsStatus = next;
		expectedArrival = newEta;
		updatedAt = Instant.now();
		registerEvent(new OrderEvents.GoodsStatusChanged(id, brandId, goodsStatus, expectedArrival));
		return true;
	}

	/** The installer found the goods damaged on site; a repeat changes nothing. */
	void goodsDamaged() {
		if (goodsStatus == GoodsStatus.DAMAGED) {
			return;
		}
		goodsStatus = GoodsStatus.DAMAGED;
		expectedArrival = null;
		updatedAt = Instant.now();
		registerEvent(new OrderEvents.GoodsStatusChanged(id, brandId, goodsStatus, expectedArrival));
	}

	/** Events registered and not yet published; visible to the aggregate's tests. */
	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}

	boolean sameRequest(String hash) {
		return requestHash.equals(hash);
	}

	Set<Skill> requiredSkillSet() {
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		for (String s : requiredSkills.split(",")) {
			if (!s.isBlank()) {
				skills.add(Skill.valueOf(s));
			}
		}
		return skills;
	}

	Long getId() {
		return id;
	}

	Long getBrandId() {
		return brandId;
	}

	String getExternalOrderId() {
		return externalOrderId;
	}

	String getConsumerName() {
		return consumerName;
	}

	String getConsumerPhone() {
		return consumerPhone;
	}

	String getAddress() {
		return address;
	}

	String getRegionCode() {
		return regionCode;
	}

	GeoPoint location() {
		return new GeoPoint(lat, lng);
	}

	List<OrderItem> getItems() {
		return items;
	}

	ServiceType getServiceType() {
		return serviceType;
	}

	MemberTier getMemberTier() {
		return memberTier;
	}

	GoodsStatus getGoodsStatus() {
		return goodsStatus;
	}

	LocalDate getExpectedArrival() {
		return expectedArrival;
	}

	LocalDate getPromisedBy() {
		return promisedBy;
	}

	int getDurationMinutes() {
		return durationMinutes;
	}

	int getCrewSize() {
		return crewSize;
	}

	OrderStatus getStatus() {
		return status;
	}

	String getCancelReason() {
		return cancelReason;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	List<OrderWarning> getWarnings() {
		return warnings;
	}

	String getConsumerToken() {
		return consumerToken;
	}

	String getVerificationCode() {
		return verificationCode;
	}

	int getVerificationFailures() {
		return verificationFailures;
	}

	List<OrderStatusChange> getHistory() {
		return history;
	}

	/** A new link token: whoever holds the old one (a forwarded message, a lost phone) is locked out. */
	String reissueConsumerToken() {
		consumerToken = Secrets.token();
		updatedAt = Instant.now();
		return consumerToken;
	}

	void setLocale(String locale) {
		this.locale = locale;
	}

	void setConsumerEmail(String email) {
		this.consumerEmail = email;
	}

	void setInstallationNotes(String notes) {
		this.installationNotes = notes;
	}

	String getInstallationNotes() {
		return installationNotes;
	}

	String getConsumerEmail() {
		return consumerEmail;
	}

	java.util.Optional<String> locale() {
		return java.util.Optional.ofNullable(locale != null ? locale : consumerLocale);
	}


}
