package dev.shifu.platform.shared;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * JSON that stays inert when pasted into HTML: {@code < > & ' =} are written as {@code \u003C}-style escapes, so a
 * body or a string holding what a consumer typed ({@code <script>…}) has no markup in its bytes, while every JSON
 * parser reads back exactly the text that was written. For consumer free text shown to others: rating comments and
 * tags in staff views, and every brand webhook body.
 */
public final class HtmlSafeJson {

	private static final CharacterEscapes ESCAPES = new HtmlEscapes();

	private HtmlSafeJson() {
	}

	/** A factory whose generators escape as above, for {@code JsonMapper.builder(factory())}. */
	public static JsonFactory factory() {
		return new JsonFactoryBuilder().characterEscapes(ESCAPES).build();
	}

	/** A mapper builder on {@link #factory()}. */
	public static JsonMapper.Builder mapper() {
		return JsonMapper.builder(factory());
	}

	/**
	 * For one string property of a view ({@code @JsonSerialize(using = HtmlSafeJson.Text.class)}): written HTML-safe
	 * whatever mapper writes the rest of the view.
	 */
	public static final class Text extends StdSerializer<String> {

		public Text() {
			super(String.class);
		}

		@Override
		public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
			CharacterEscapes before = gen.getCharacterEscapes();
			gen.setCharacterEscapes(ESCAPES);
			try {
				gen.writeString(value);
			}
			finally {
				gen.setCharacterEscapes(before);
			}
		}

	}

	private static final class HtmlEscapes extends CharacterEscapes {

		private final int[] codes;

		HtmlEscapes() {
			codes = standardAsciiEscapesForJSON();
			for (char c : "<>&'=".toCharArray()) {
				codes[c] = ESCAPE_STANDARD;
			}
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return codes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return null;
		}

	}

}
