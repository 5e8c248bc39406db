package dev.shifu.platform.network;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.shared.GeoPoint;

/** Create or replace an installer of a provider. */
public record InstallerRequest(
		@NotBlank @Size(max = 100) @Schema(example = "王师傅") String name,
		@NotBlank @Schema(example = "13812345678") String phone,
		@NotEmpty Set<@NotNull Skill> skills,
		@Size(max = 50) List<@NotNull @Valid Certificate> certificates,
		@NotNull @Valid GeoPoint homeBase,
		@Size(max = 14) List<@NotNull @Valid Shift> shifts,
		@Size(max = 366) List<@NotNull LocalDate> leaveDays,
		@NotNull @Min(1) @Max(2) Integer crewSize,
		@Schema(description = "A crew of two (crewSize 2): the installer record of the second person, an installer "
				+ "of the same provider; the app shows them on the lead's route as the crew partner") Long crewPartnerId) {

	/** An installer without a recorded crew partner. */
	public InstallerRequest(String name, String phone, Set<Skill> skills, List<Certificate> certificates,
			GeoPoint homeBase, List<Shift> shifts, List<LocalDate> leaveDays, Integer crewSize) {
		this(name, phone, skills, certificates, homeBase, shifts, leaveDays, crewSize, null);
	}

	public record Certificate(@NotNull Skill skill, @NotBlank @Size(max = 60) String number,
			@NotNull @Schema(example = "2027-06-30") LocalDate expiresOn) {
	}

	public record Shift(@NotNull DayOfWeek day, @NotNull @Schema(example = "08:00") LocalTime start,
			@NotNull @Schema(example = "18:00") LocalTime end) {
	}

}
