package dev.shifu.platform.order;

public enum GoodsStatus {

	NOT_SHIPPED, SHIPPED, ARRIVED

}
