package dev.shifu.platform.rating.internal;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.HtmlSafeJson;
import dev.shifu.platform.shared.NotFoundException;

@RestController
@Tag(name = "Consumer", description = "What a consumer does through the link in their message")
class ConsumerRatingController {

	private final RatingService ratings;

	private final OrderLifecycle orders;

	ConsumerRatingController(RatingService ratings, OrderLifecycle orders) {
		this.ratings = ratings;
		this.orders = orders;
	}

	record RateRequest(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
			@Size(max = 1000) String comment) {
	}

	/** What the consumer typed comes back HTML-safe ({@code \u003C…}): the same text to any JSON parser, no markup in the bytes. */
	record RatingView(int stars, @JsonSerialize(using = HtmlSafeJson.Text.class) String tags,
			@JsonSerialize(using = HtmlSafeJson.Text.class) String comment, Instant at) {
	}

	/** {@code details} quotes the consumer's tags and comment: HTML-safe, as in the rating's own view. */
	record ComplaintView(long id, String source, @JsonSerialize(using = HtmlSafeJson.Text.class) String details,
			String status, Instant at, Long installerId) {
	}

	@PostMapping("/api/v1/consumer/{token}/rating")
	@Operation(summary = "Rate the completed job: 1-5 stars, tags, comment; 2 stars or fewer open a complaint and a rework visit")
	RatingView rate(@PathVariable String token, @Valid @RequestBody RateRequest request) {
		OrderSnapshot order = orders.findByConsumerToken(token).orElseThrow(() -> new NotFoundException("order link", "given"));
		Rating rating = ratings.rate(order, request.stars(), request.tags(), request.comment());
		return new RatingView(rating.getStars(), rating.getTags(), rating.getComment(), rating.getCreatedAt());
	}

	@GetMapping("/api/v1/complaints")
	@Operation(summary = "Complaints of an order (platform staff)")
	List<ComplaintView> complaints(@RequestParam long orderId) {
		return ratings.complaints(orderId)
			.stream()
			.map(c -> new ComplaintView(c.getId(), c.getSource(), c.getDetails(), c.getStatus(), c.getCreatedAt(),
					c.getInstallerId()))
			.toList();
	}

}
