package dev.shifu.platform.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.network.InstallerRequest.Certificate;
import dev.shifu.platform.network.InstallerRequest.Shift;
import dev.shifu.platform.shared.GeoPoint;

/**
 * An installer with its record: the average of its consumer ratings ({@code rating}, over {@code ratingCount}), and
 * the complaints and rework visits credited to it. {@code crewPartnerId}: for a crew of two, the installer record
 * of the second person, if the provider recorded one.
 */
public record InstallerView(long id, long providerId, String name, String phone, Set<Skill> skills,
		List<Certificate> certificates, GeoPoint homeBase, List<Shift> shifts, List<LocalDate> leaveDays,
		int crewSize, double rating, int ratingCount, PartnerStatus status, int complaintCount, int reworkCount,
		Long crewPartnerId) {
}
