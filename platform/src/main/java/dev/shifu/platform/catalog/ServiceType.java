package dev.shifu.platform.catalog;

public enum ServiceType {

	DELIVERY, INSTALLATION, DELIVERY_AND_INSTALLATION, REPAIR, MEASUREMENT;

	/** Whether the job touches the goods, so it cannot happen before they arrive. */
	public boolean needsGoods() {
		return this != MEASUREMENT && this != REPAIR;
	}

}
