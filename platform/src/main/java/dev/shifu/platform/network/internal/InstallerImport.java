package dev.shifu.platform.network.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.network.InstallerRequest;
import dev.shifu.platform.shared.CsvRows;
import dev.shifu.platform.shared.CsvValues;
import dev.shifu.platform.shared.GeoPoint;
import dev.shifu.platform.shared.ImportReport;
import dev.shifu.platform.shared.CsvBatches;

/**
 * Installer CSV: {@code name,phone,skills,crewSize,homeLat,homeLng,shifts,certificates,leaveDays}. Lists are
 * {@code ;}-separated: skills {@code DOOR;WARDROBE}, shifts {@code MON-SAT 08:00-18:00} or
 * {@code MON 08:00-12:00;TUE 13:00-18:00}, certificates {@code WARDROBE:ZJ-123:2027-06-30}, leave days
 * {@code 2026-12-01;2026-12-02}. Each row commits on its own; an installer whose phone is on file already is a
 * duplicate and is left as it is.
 */
@Component
class InstallerImport {

	private static final List<String> WEEK = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

	private final NetworkService network;

	private final CsvBatches batches;

	private final TransactionTemplate rowTransaction;

	private final int maxRows;

	InstallerImport(NetworkService network, CsvBatches batches, PlatformTransactionManager transactions,
			@Value("${shifu.limits.max-import-rows}") int maxRows) {
		this.network = network;
		this.batches = batches;
		this.rowTransaction = new TransactionTemplate(transactions);
		this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.maxRows = maxRows;
	}

	ImportReport run(Actor actor, long providerId, String csv) {
		network.listInstallers(actor, providerId);
		return batches.run(CsvRows.parse(csv, maxRows), "phone", InstallerImport::toRequest,
				request -> Boolean.TRUE.equals(rowTransaction.execute(tx -> {
					if (network.findInstallerByPhone(providerId, request.phone()).isPresent()) {
						return false;
					}
					network.createInstaller(actor, providerId, request);
					return true;
				})) ? CsvBatches.Outcome.CREATED : CsvBatches.Outcome.DUPLICATE);
	}

	private static InstallerRequest toRequest(CsvValues v) {
		List<Skill> skills = v.list("skills", s -> Skill.valueOf(s.toUpperCase(Locale.ROOT)),
				"must be one of " + java.util.Arrays.toString(Skill.values()));
		List<InstallerRequest.Shift> shifts = new ArrayList<>();
		v.list("shifts", InstallerImport::shifts, "must look like MON-SAT 08:00-18:00").forEach(shifts::addAll);
		List<InstallerRequest.Certificate> certificates = v.list("certificates", InstallerImport::certificate,
				"must look like WARDROBE:ZJ-123:2027-06-30");
		List<LocalDate> leave = v.list("leaveDays", LocalDate::parse, "must be a date like 2026-12-01");
		Double lat = v.decimal("homeLat");
		Double lng = v.decimal("homeLng");
		return new InstallerRequest(v.text("name"), v.text("phone"),
				skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills), certificates,
				lat == null && lng == null ? null : new GeoPoint(lat, lng), shifts, leave, v.integer("crewSize"));
	}

	private static List<InstallerRequest.Shift> shifts(String spec) {
		String[] parts = spec.trim().split("\\s+");
		String[] days = parts[0].toUpperCase(Locale.ROOT).split("-");
		String[] times = parts[1].split("-");
		int from = WEEK.indexOf(days[0]);
		int to = days.length > 1 ? WEEK.indexOf(days[1]) : from;
		if (from < 0 || to < from || parts.length != 2 || times.length != 2) {
			throw new IllegalArgumentException(spec);
		}
		List<InstallerRequest.Shift> result = new ArrayList<>();
		for (int d = from; d <= to; d++) {
			result.add(new InstallerRequest.Shift(DayOfWeek.of(d + 1), LocalTime.parse(times[0]), LocalTime.parse(times[1])));
		}
		return result;
	}

	private static InstallerRequest.Certificate certificate(String spec) {
		String[] parts = spec.split(":");
		if (parts.length != 3) {
			throw new IllegalArgumentException(spec);
		}
		return new InstallerRequest.Certificate(Skill.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)), parts[1].trim(),
				LocalDate.parse(parts[2].trim()));
	}

}
