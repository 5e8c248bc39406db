package dev.shifu.platform.dispatch;

import java.util.Set;

/** Which providers dispatch would let take an order: the consumer's windows are offered only from their installers. */
public interface ProviderPolicy {

	/** Ids of the providers eligible for the order (active, covering it, serving its brand and service, skilled). */
	Set<Long> allowedProviders(long orderId);

}
