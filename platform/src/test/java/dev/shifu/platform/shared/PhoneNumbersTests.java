package dev.shifu.platform.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTests {

	@Test
	void normalisesMainlandMobileAndLandlineNumbersToE164() {
		assertThat(PhoneNumbers.normalise("phone", "138 1234 5678")).isEqualTo("+8613812345678");
		assertThat(PhoneNumbers.normalise("phone", "+86 138-1234-5678")).isEqualTo("+8613812345678");
		assertThat(PhoneNumbers.normalise("phone", "0571-88001234")).isEqualTo("+8657188001234");
	}

	@Test
	void rejectsAnInvalidNumberNamingTheField() {
		assertThatThrownBy(() -> PhoneNumbers.normalise("consumer.phone", "12345"))
			.isInstanceOfSatisfying(InvalidFieldException.class,
					ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("consumer.phone"));
	}

	@Test
	void masksAllButTheFirstThreeAndLastFourDigits() {
		assertThat(PhoneNumbers.mask("+8613812345678")).isEqualTo("138****5678");
		assertThat(PhoneNumbers.mask("+8657188001234")).isEqualTo("571****1234");
	}

}
