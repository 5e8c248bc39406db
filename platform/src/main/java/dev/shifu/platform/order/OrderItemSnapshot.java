package dev.shifu.platform.order;

/** One item of an order as other contexts need it (the installer's job: what to fit, which needs a serial). */
public record OrderItemSnapshot(String sku, String name, int quantity, boolean serialNumberRequired, String category) {
}
