package dev.shifu.platform.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndNewlines() {
		List<Csv.Row> rows = Csv.parse("\uFEFFName,Address\r\n\"Li, Na\",\"say \"\"hi\"\"\nsecond line\"\r\nWang,Road 1\n", 10);

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("name")).isEqualTo("Li, Na");
		assertThat(rows.get(0).get("address")).isEqualTo("say \"hi\"\nsecond line");
		assertThat(rows.get(1).line()).isEqualTo(3);
	}

	@Test
	void blankCellsAndMissingTrailingCellsReadAsNull() {
		Csv.Row row = Csv.parse("a,b,c\n1,,\n", 10).get(0);

		assertThat(row.get("b")).isNull();
		assertThat(row.get("c")).isNull();
	}

	@Test
	void refusesABatchOverTheRowLimit() {
		assertThatThrownBy(() -> Csv.parse("a\n1\n2\n3\n", 2)).isInstanceOf(PayloadTooLargeException.class);
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatThrownBy(() -> Csv.parse("", 2)).isInstanceOf(InvalidFieldException.class);
	}

}
