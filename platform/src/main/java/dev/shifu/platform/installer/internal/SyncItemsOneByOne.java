package dev.shifu.platform.installer.internal;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import dev.shifu.mobile.server.model.SyncEventDto;

/**
 * Bean validation of a {@code POST /sync} batch stops at each item's event: an offline queue with one bad event (a
 * latitude out of range) must not be refused whole, or the app could never send the good events next to it. The
 * controller validates each item's event itself and rejects only that item. Everything else is traversed as before.
 */
final class SyncItemsOneByOne implements TraversableResolver {

	private final TraversableResolver delegate;

	SyncItemsOneByOne(TraversableResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
			Path pathToTraversableObject, ElementType elementType) {
		return delegate.isReachable(traversableObject, traversableProperty, rootBeanType, pathToTraversableObject,
				elementType);
	}

	@Override
	public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
			Path pathToTraversableObject, ElementType elementType) {
		if (traversableObject instanceof SyncEventDto && "event".equals(traversableProperty.getName())) {
			return false;
		}
		return delegate.isCascadable(traversableObject, traversableProperty, rootBeanType, pathToTraversableObject,
				elementType);
	}

}
