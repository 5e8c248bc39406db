package dev.shifu.platform.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Validates and normalises phone numbers to E.164 (mainland China by default) and masks them for display. */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final String DEFAULT_REGION = "CN";

	private PhoneNumbers() {
	}

	/** @throws InvalidFieldException naming {@code field} when the number is not a valid one */
	public static String normalise(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidFieldException(field, "must not be blank");
		}
		try {
			PhoneNumber number = UTIL.parse(raw.trim(), DEFAULT_REGION);
			if (!UTIL.isValidNumber(number)) {
				throw new InvalidFieldException(field, "is not a valid phone number");
			}
			return UTIL.format(number, PhoneNumberFormat.E164);
		}
		catch (NumberParseException ex) {
			throw new InvalidFieldException(field, "is not a valid phone number");
		}
	}

	/** 138****5678 for +8613812345678: keeps the first three and last four digits of the national number. */
	public static String mask(String e164) {
		if (e164 == null) {
			return null;
		}
		String national = nationalNumber(e164);
		if (national.length() <= 7) {
			return "*".repeat(Math.max(0, national.length() - 2)) + national.substring(Math.max(0, national.length() - 2));
		}
		return national.substring(0, 3) + "*".repeat(national.length() - 7) + national.substring(national.length() - 4);
	}

	private static String nationalNumber(String e164) {
		try {
			return String.valueOf(UTIL.parse(e164, DEFAULT_REGION).getNationalNumber());
		}
		catch (NumberParseException ex) {
			return e164.replaceAll("\\D", "");
		}
	}

}
