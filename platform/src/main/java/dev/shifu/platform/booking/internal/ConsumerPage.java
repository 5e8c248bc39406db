package dev.shifu.platform.booking.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page behind the link in the consumer's messages; it talks to the consumer API with the same token. */
@Controller
class ConsumerPage {

	@GetMapping("/c/{token}")
	String page(@PathVariable String token) {
		return "forward:/consumer.html";
	}

}
