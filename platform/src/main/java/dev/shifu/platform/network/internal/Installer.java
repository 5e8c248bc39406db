package dev.shifu.platform.network.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.GeoPoint;

@Entity
@Table(name = "installer")
class Installer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long providerId;

	private String name;

	private String phone;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "installer_skill", joinColumns = @JoinColumn(name = "installer_id"))
	@Column(name = "skill")
	@Enumerated(EnumType.STRING)
	private Set<Skill> skills = EnumSet.noneOf(Skill.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "installer_certificate", joinColumns = @JoinColumn(name = "installer_id"))
	private List<CertificateRecord> certificates = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "installer_shift", joinColumns = @JoinColumn(name = "installer_id"))
	private List<ShiftRecord> shifts = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "installer_leave", joinColumns = @JoinColumn(name = "installer_id"))
	@Column(name = "leave_date")
	private Set<LocalDate> leaveDays = new TreeSet<>();

	private double homeLat;

	private double homeLng;

	private int crewSize;

	/** A crew of two: the second person's installer record, if recorded (shown to the lead as crew partner). */
	private Long crewPartnerId;

	private double rating;

	private int ratingCount;

	private int complaintCount;

	private int reworkCount;

	@Enumerated(EnumType.STRING)
	private PartnerStatus status;

	@Version
	private long version;

	protected Installer() {
	}

	Installer(long providerId) {
		this.providerId = providerId;
		this.status = PartnerStatus.ACTIVE;
		this.rating = 5.0;
	}

	void describe(String name, String phone, Set<Skill> skills, List<CertificateRecord> certificates, GeoPoint home,
			List<ShiftRecord> shifts, Set<LocalDate> leaveDays, int crewSize, Long crewPartnerId) {
		this.name = name;
		this.phone = phone;
		this.skills.clear();
		this.skills.addAll(skills);
		this.certificates.clear();
		this.certificates.addAll(certificates);
		this.homeLat = home.lat();
		this.homeLng = home.lng();
		this.shifts.clear();
		this.shifts.addAll(shifts);
		this.leaveDays.clear();
		this.leaveDays.addAll(leaveDays);
		this.crewSize = crewSize;
		this.crewPartnerId = crewPartnerId;
	}

	void rate(int stars) {
		rating = (rating * ratingCount + stars) / (ratingCount + 1);
		ratingCount++;
	}

	void complained() {
		complaintCount++;
	}

	void reworked() {
		reworkCount++;
	}

	void suspend() {
		if (status == PartnerStatus.SUSPENDED) {
			throw new ConflictException("already-suspended", "Installer " + id + " is already suspended");
		}
		status = PartnerStatus.SUSPENDED;
	}

	void activate() {
		if (status == PartnerStatus.ACTIVE) {
			throw new ConflictException("already-active", "Installer " + id + " is already active");
		}
		status = PartnerStatus.ACTIVE;
	}

	Long getId() {
		return id;
	}

	Long getProviderId() {
		return providerId;
	}

	String getName() {
		return name;
	}

	String getPhone() {
		return phone;
	}

	Set<Skill> getSkills() {
		return skills;
	}

	List<CertificateRecord> getCertificates() {
		return certificates;
	}

	List<ShiftRecord> getShifts() {
		return shifts;
	}

	Set<LocalDate> getLeaveDays() {
		return leaveDays;
	}

	GeoPoint home() {
		return new GeoPoint(homeLat, homeLng);
	}

	int getCrewSize() {
		return crewSize;
	}

	Long getCrewPartnerId() {
		return crewPartnerId;
	}

	double getRating() {
		return rating;
	}

	int getRatingCount() {
		return ratingCount;
	}

	int getComplaintCount() {
		return complaintCount;
	}

	int getReworkCount() {
		return reworkCount;
	}

	PartnerStatus getStatus() {
		return status;
	}

	@Embeddable
	record CertificateRecord(@Enumerated(EnumType.STRING) Skill skill, @Column(name = "cert_number") String number,
			LocalDate expiresOn) {
	}

	@Embeddable
	record ShiftRecord(@Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek day,
			@Column(name = "start_time") LocalTime start, @Column(name = "end_time") LocalTime end) {
	}

}
