package dev.shifu.platform.catalog;

public enum Skill {

	DOOR, WARDROBE, CABINET, SOFA, APPLIANCE, FLOORING, LIGHTING, SMART_LOCK, DELIVERY, MEASURING, REPAIR

}
