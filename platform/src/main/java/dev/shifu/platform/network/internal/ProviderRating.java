package dev.shifu.platform.network.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A provider's rating: the Bayesian average of its installers' consumer ratings. The prior counts as
 * {@code prior-weight} ratings of {@code prior-mean} stars, so a new provider starts at the prior and one rating
 * moves it only a little: with the defaults (4.8 over 10) a single 1-star rating gives 4.45, a single 5 gives 4.82.
 */
@Component
class ProviderRating {

	private final double priorMean;

	private final double priorWeight;

	ProviderRating(@Value("${shifu.network.provider-rating.prior-mean:4.8}") double priorMean,
			@Value("${shifu.network.provider-rating.prior-weight:10}") double priorWeight) {
		this.priorMean = priorMean;
		this.priorWeight = priorWeight;
	}

	/** @param stars the sum of every rating's stars; @param count how many ratings */
	double of(double stars, long count) {
		double value = (priorMean * priorWeight + stars) / (priorWeight + count);
		return Math.round(value * 100) / 100.0;
	}

}
