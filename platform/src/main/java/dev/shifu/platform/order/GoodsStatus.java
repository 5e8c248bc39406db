package dev.shifu.platform.order;

public enum GoodsStatus {

	NOT_SHIPPED, SHIPPED, ARRIVED,

	/**
	 * The installer found the goods damaged: the brand sends a replacement and reports it again, SHIPPED (with a date)
	 * and ARRIVED. Only an installer's report sets it.
	 */
	DAMAGED

}
