package dev.shifu.platform.catalog.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;

@Entity
@Table(name = "service_type_def")
class ServiceTypeDefinition {

	@Id
	@Enumerated(EnumType.STRING)
	private ServiceType code;

	private String nameZh;

	private String nameEn;

	private int defaultDurationMinutes;

	private int crewSize;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "service_type_skill", joinColumns = @JoinColumn(name = "service_type"))
	@Column(name = "skill")
	@Enumerated(EnumType.STRING)
	private Set<Skill> requiredSkills = EnumSet.noneOf(Skill.class);

	protected ServiceTypeDefinition() {
	}

	void update(int defaultDurationMinutes, int crewSize, Set<Skill> requiredSkills) {
		if (defaultDurationMinutes < 5 || defaultDurationMinutes > 24 * 60) {
			throw new dev.shifu.platform.shared.InvalidFieldException("defaultDurationMinutes", "must be 5 to 1440");
		}
		if (crewSize != 1 && crewSize != 2) {
			throw new dev.shifu.platform.shared.InvalidFieldException("crewSize", "must be 1 or 2");
		}
		this.defaultDurationMinutes = defaultDurationMinutes;
		this.crewSize = crewSize;
		this.requiredSkills.clear();
		this.requiredSkills.addAll(requiredSkills);
	}

	ServiceType getCode() {
		return code;
	}

	String getNameZh() {
		return nameZh;
	}

	String getNameEn() {
		return nameEn;
	}

	int getDefaultDurationMinutes() {
		return defaultDurationMinutes;
	}

	int getCrewSize() {
		return crewSize;
	}

	Set<Skill> getRequiredSkills() {
		return requiredSkills;
	}

}
