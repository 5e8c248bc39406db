package dev.shifu.platform.catalog;

/** What a brand sells; each category needs an installer skill, and heavy ones a two-person crew. */
public enum ProductCategory {

	DOOR(Skill.DOOR, false), WARDROBE(Skill.WARDROBE, true), CABINET(Skill.CABINET, true), SOFA(Skill.SOFA, true),
	APPLIANCE(Skill.APPLIANCE, false), FLOORING(Skill.FLOORING, false), LIGHTING(Skill.LIGHTING, false),
	SMART_LOCK(Skill.SMART_LOCK, false), OTHER(null, false);

	private final Skill skill;

	private final boolean heavy;

	ProductCategory(Skill skill, boolean heavy) {
		this.skill = skill;
		this.heavy = heavy;
	}

	public Skill skill() {
		return skill;
	}

	public boolean heavy() {
		return heavy;
	}

}
