package dev.shifu.platform.catalog;

import java.util.Set;

/** What a job needs: minutes on site, skills, and whether one or two people must go. */
public record ServiceRequirements(int durationMinutes, Set<Skill> skills, int crewSize) {

	public ServiceRequirements {
		skills = Set.copyOf(skills);
	}

}
