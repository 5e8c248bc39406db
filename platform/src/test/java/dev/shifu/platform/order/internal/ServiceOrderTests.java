package dev.shifu.platform.order.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.catalog.ProductCategory;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceOrderTests {

	private static ServiceOrder order(GoodsStatus goods, LocalDate eta) {
		ServiceOrder order = ServiceOrder.receive(1L, "EXT-1", "hash", "Li Na", "+8613812345678", "Road 1", "330106",
				new GeoPoint(30.27, 120.13), List.of(new OrderItem("D-1", "Door", ProductCategory.DOOR, 1, true)),
				ServiceType.INSTALLATION, MemberTier.GOLD, goods, eta, null,
				new ServiceRequirements(90, Set.of(Skill.DOOR), 1), "brand:test");
		// As after the first save: events carry the order id.
		org.springframework.test.util.ReflectionTestUtils.setField(order, "id", 42L);
		return order;
	}

	@Test
	void followsAllowedMovesAndWritesAHistoryLineForEach() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);

		order.moveTo(OrderStatus.AWAITING_BOOKING, "workflow", "booking link sent");
		order.moveTo(OrderStatus.BOOKED, "consumer", "window chosen");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.BOOKED);
		assertThat(order.getHistory()).extracting(OrderStatusChange::getSequence).containsExactly(1, 2, 3);
		assertThat(order.getHistory().get(2).getFromStatus()).isEqualTo(OrderStatus.AWAITING_BOOKING);
		assertThat(order.pendingEvents()).hasOnlyElementsOfType(OrderEvents.OrderStatusChanged.class).hasSize(2);
	}

	@Test
	void refusesAMoveTheStatusMachineDoesNotAllow() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);

		assertThatThrownBy(() -> order.moveTo(OrderStatus.COMPLETED, "x", "skip ahead"))
			.isInstanceOf(ConflictException.class);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.RECEIVED);
		assertThat(order.getHistory()).hasSize(1);
	}

	@Test
	void cannotBeCancelledOnceCompleted() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);
		order.moveTo(OrderStatus.AWAITING_BOOKING, "wf", null);
		order.moveTo(OrderStatus.BOOKED, "wf", null);
		order.moveTo(OrderStatus.DISPATCHING, "wf", null);
		order.moveTo(OrderStatus.ASSIGNED, "wf", null);
		order.moveTo(OrderStatus.SCHEDULED, "wf", null);
		order.moveTo(OrderStatus.IN_SERVICE, "wf", null);
		order.moveTo(OrderStatus.COMPLETED, "wf", null);

		assertThatThrownBy(() -> order.cancel("changed my mind", "consumer")).isInstanceOf(ConflictException.class);
	}

	@Test
	void cancellationRecordsTheReasonAndAnnouncesIt() {
		ServiceOrder order = order(GoodsStatus.NOT_SHIPPED, null);

		order.cancel("duplicate purchase", "brand:test");

		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.getCancelReason()).isEqualTo("duplicate purchase");
		assertThat(order.pendingEvents()).hasAtLeastOneElementOfType(OrderEvents.OrderCancelled.class);
	}

	@Test
	void goodsMoveForwardAndARepeatedArrivalIsANoOp() {
		ServiceOrder order = order(GoodsStatus.NOT_SHIPPED, null);

		assertThat(order.updateGoods(GoodsStatus.SHIPPED, LocalDate.of(2026, 12, 3))).isTrue();
		assertThat(order.updateGoods(GoodsStatus.SHIPPED, LocalDate.of(2026, 12, 4))).isTrue();
		assertThat(order.updateGoods(GoodsStatus.ARRIVED, null)).isTrue();
		assertThat(order.updateGoods(GoodsStatus.ARRIVED, null)).isFalse();
		assertThat(order.getExpectedArrival()).isNull();
		assertThatThrownBy(() -> order.updateGoods(GoodsStatus.SHIPPED, LocalDate.of(2026, 12, 5)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aRetriedWorkflowStatusWritesNoSecondHistoryLineButProgressMayRepeat() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);

		assertThat(order.applyWorkflowStatus(OrderStatus.AWAITING_BOOKING, "wf", null)).isTrue();
		assertThat(order.applyWorkflowStatus(OrderStatus.BOOKED, "wf", null)).isTrue();
		assertThat(order.applyWorkflowStatus(OrderStatus.BOOKED, "wf", null)).isFalse();
		assertThat(order.getHistory()).hasSize(3);
	}

	@Test
	void aCancelledOrderIgnoresTheStatusesOfItsDyingProcess() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);
		order.cancel("brand cancelled", "brand:test");

		assertThat(order.applyWorkflowStatus(OrderStatus.AWAITING_BOOKING, "wf", null)).isFalse();
		assertThat(order.applyWorkflowStatus(OrderStatus.CANCELLED, "wf", null)).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-01T02:00:00Z");

	@Test
	void aDispatcherUnlockLiftsTheLockAndTheCountStartsAgain() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);
		for (int i = 0; i < 5; i++) {
			order.verify("wrong", NOW);
		}

		order.unlockVerification();

		assertThat(order.verificationLockedUntil(NOW)).isEmpty();
		assertThat(order.verify(order.getVerificationCode(), NOW)).isTrue();
	}

	@Test
	void aFreshCodeReplacesTheOldOneAndLiftsTheLock() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);
		String old = order.getVerificationCode();
		for (int i = 0; i < 5; i++) {
			order.verify("wrong", NOW);
		}

		String fresh = order.renewVerificationCode();

		assertThat(fresh).isNotEqualTo(old).hasSize(6);
		assertThat(order.verificationLockedUntil(NOW)).isEmpty();
		assertThat(order.verify(old, NOW)).isFalse();
		assertThat(order.verify(fresh, NOW)).isTrue();
	}

	@Test
	void checksTheVerificationCodeAndCountsFailures() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);

		assertThat(order.verify(null, NOW)).isFalse();
		assertThat(order.verify("x" + order.getVerificationCode(), NOW)).isFalse();
		assertThat(order.verify(order.getVerificationCode(), NOW)).isTrue();
		assertThat(order.getVerificationFailures()).isEqualTo(2);
	}

	@Test
	void fiveWrongCodesLockCompletionForAnHourAndRaiseAnAlert() {
		ServiceOrder order = order(GoodsStatus.ARRIVED, null);
		for (int i = 0; i < 4; i++) {
			order.verify("wrong", NOW);
		}
		assertThat(order.verificationLockedUntil(NOW)).isEmpty();

		order.verify("wrong", NOW);

		assertThat(order.verificationLockedUntil(NOW.plus(java.time.Duration.ofMinutes(59)))).isPresent();
		assertThat(order.verificationLockedUntil(NOW.plus(java.time.Duration.ofMinutes(61)))).isEmpty();
		assertThat(order.getWarnings()).extracting(OrderWarning::getReason).containsExactly("VERIFICATION_CODE_LOCKED");
	}

	@Test
	void shippedGoodsNeedAnExpectedArrival() {
		assertThatThrownBy(() -> order(GoodsStatus.SHIPPED, null)).isInstanceOf(InvalidFieldException.class);
	}

}
