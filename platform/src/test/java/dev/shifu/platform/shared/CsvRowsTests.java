package dev.shifu.platform.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowsTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndNewlines() {
		List<CsvRows.Row> rows = CsvRows.parse("\uFEFFName,Address\r\n\"Li, Na\",\"say \"\"hi\"\"\nsecond line\"\r\nWang,Road 1\n", 10);

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("name")).isEqualTo("Li, Na");
		assertThat(rows.get(0).get("address")).isEqualTo("say \"hi\"\nsecond line");
	}

	@Test
	void numbersEachRowByThePhysicalLineItStartsOn() {
		List<CsvRows.Row> rows = CsvRows.parse("a,b\n1,\"two\nlines\"\n\n3,x\r\n4,y\n", 10);

		assertThat(rows).extracting(CsvRows.Row::line).containsExactly(2, 5, 6);
	}

	@Test
	void blankCellsAndMissingTrailingCellsReadAsNull() {
		CsvRows.Row row = CsvRows.parse("a,b,c\n1,,\n", 10).get(0);

		assertThat(row.get("b")).isNull();
		assertThat(row.get("c")).isNull();
		assertThat(row.extraValues()).isZero();
	}

	@Test
	void countsValuesBeyondTheHeaderSoTheRowIsRejected() {
		CsvRows.Row row = CsvRows.parse("a,b\n1,2,3\n", 10).get(0);

		assertThat(row.extraValues()).isEqualTo(1);
		assertThat(new CsvValues(row).errors()).extracting(FieldError::field).containsExactly("row");
	}

	@Test
	void refusesAQuoteThatIsNeverClosedNamingTheLineItOpensOn() {
		assertThatThrownBy(() -> CsvRows.parse("a,b\n1,2\n\"3,4\n5,6\n", 10)).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("line 3");
	}

	@Test
	void refusesABatchOverTheRowLimit() {
		assertThatThrownBy(() -> CsvRows.parse("a\n1\n2\n3\n", 2)).isInstanceOf(PayloadTooLargeException.class);
	}

	@Test
	void refusesAnEmptyFileAndADuplicatedColumn() {
		assertThatThrownBy(() -> CsvRows.parse("", 2)).isInstanceOf(InvalidFieldException.class);
		assertThatThrownBy(() -> CsvRows.parse("a,A\n1,2\n", 2)).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("twice");
	}

}
