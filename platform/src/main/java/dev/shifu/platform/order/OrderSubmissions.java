package dev.shifu.platform.order;

import dev.shifu.platform.identity.Actor;

/** Intake for callers inside the platform (demo data, later brand connectors); same rules as the API. */
public interface OrderSubmissions {

	/** @return the id of the created, or replayed, order */
	long submit(Actor brand, CreateOrderRequest request, String idempotencyKey);

}
