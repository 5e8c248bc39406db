package dev.shifu.platform.rating.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "rating")
class Rating {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	private Long installerId;

	private int stars;

	private String tags;

	private String comment;

	private Instant createdAt;

	protected Rating() {
	}

	Rating(long orderId, Long installerId, int stars, String tags, String comment) {
		this.orderId = orderId;
		this.installerId = installerId;
		this.stars = stars;
		this.tags = tags;
		this.comment = comment;
		this.createdAt = Instant.now();
	}

	boolean same(int stars, String tags, String comment) {
		return this.stars == stars && java.util.Objects.equals(this.tags, tags) && java.util.Objects.equals(this.comment, comment);
	}

	Long getOrderId() {
		return orderId;
	}

	int getStars() {
		return stars;
	}

	String getTags() {
		return tags;
	}

	String getComment() {
		return comment;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
