package dev.shifu.platform.dispatch.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.schedule.RouteBoard.Committed;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.schedule.RouteBoard.EditKind;
import dev.shifu.platform.schedule.RouteBoard.Place;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit keeps an edit's before and after whole: a retried commit answers its first outcome read back from them. */
class BoardAuditTests extends PlatformIntegrationTest {

	@Autowired
	private BoardAudit audit;

	@Autowired
	private ObjectMapper json;

	@Test
	void aLockOfALongDayIsAuditedWholeAndReadsBack() throws Exception {
		// 300 touched jobs: about 30 000 characters of JSON each way, far over the old 4 000-character column.
		List<Place> before = new ArrayList<>();
		List<Place> after = new ArrayList<>();
		LocalDateTime start = LocalDateTime.of(2026, 12, 3, 8, 0);
		for (int i = 0; i < 300; i++) {
			before.add(new Place("O" + (900_000 + i), "S-audit-1", i, false, start.plusMinutes(i)));
			after.add(new Place("O" + (900_000 + i), "S-audit-1", i, true, start.plusMinutes(i)));
		}
		Committed committed = new Committed("0hard/0medium/-100soft", "0hard/0medium/-100soft", before, after);

		long id = audit.record("990100", "auditor", new Edit(EditKind.LOCK_DAY, null, "S-audit-1", null, false, null),
				committed);

		BoardAudit.Entry entry = audit.find(id).orElseThrow();
		assertThat(entry.before().length()).isGreaterThan(4000);
		List<Place> readBefore = json.readValue(entry.before(), new TypeReference<List<Place>>() {
		});
		List<Place> readAfter = json.readValue(entry.after(), new TypeReference<List<Place>>() {
		});
		assertThat(readBefore).isEqualTo(before);
		assertThat(readAfter).isEqualTo(after);
	}

}
