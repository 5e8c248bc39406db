package dev.shifu.platform.order.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.shifu.platform.catalog.ProductCategory;

@Embeddable
record OrderItem(String sku, String name, @Enumerated(EnumType.STRING) ProductCategory category, int quantity,
		boolean serialNumberRequired) {
}
