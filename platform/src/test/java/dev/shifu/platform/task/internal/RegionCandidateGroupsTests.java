package dev.shifu.platform.task.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dispatcher task carries its order's city group next to the plain dispatcher group; a task opened before the
 * city groups existed gets its group at start-up. The order is in a test-only city (990200) nobody plans in.
 */
class RegionCandidateGroupsTests extends StaffTaskFixture {

	@Autowired
	private RegionCandidateGroups cityGroups;

	private List<String> candidateGroups(String task) {
		return taskService.getIdentityLinksForTask(task).stream().map(l -> l.getGroupId()).filter(g -> g != null).toList();
	}

	@Test
	void aDispatcherTaskHasThePlainAndItsCitysGroupAndAnOlderTaskGetsItsCityAtStartUp() {
		long order = postOrder("ARRIVED", "INSTALLATION", "GOLD", "990201", 31.1, 121.1);
		driver.fireTimer(order, Elements.BOOKING_ESCALATION_TIMER);
		String task = driver.openTask(order, Elements.PHONE_CONSUMER_TASK);
		assertThat(candidateGroups(task)).containsExactlyInAnyOrder("dispatcher", "dispatcher-990200");

		// As a task opened by an earlier version was: the plain group only.
		taskService.deleteCandidateGroup(task, "dispatcher-990200");
		cityGroups.run(null);
		cityGroups.run(null);

		assertThat(candidateGroups(task)).containsExactlyInAnyOrder("dispatcher", "dispatcher-990200");
	}

}
