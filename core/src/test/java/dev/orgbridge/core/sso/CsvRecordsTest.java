package dev.orgbridge.core.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.sso.CsvException.Problem;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV as bulk-import files come: RFC 4180 with the usual variations. */
class CsvRecordsTest {

    static Stream<Arguments> files() {
        return Stream.of(
                arguments("a,b,c", List.of(List.of("a", "b", "c"))),
                arguments("a,b\nc,d\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                arguments("a,b\r\nc,d\r\n", List.of(List.of("a", "b"), List.of("c", "d"))),
                arguments("a,b\rc,d", List.of(List.of("a", "b"), List.of("c", "d"))),
                arguments("\uFEFFusername,email", List.of(List.of("username", "email"))),
                arguments("a,,c,", List.of(List.of("a", "", "c", ""))),
                arguments("\"a,b\",c", List.of(List.of("a,b", "c"))),
                arguments("\"say \"\"hi\"\"\",x", List.of(List.of("say \"hi\"", "x"))),
                arguments("\"two\nlines\",x\ny,z", List.of(List.of("two\nlines", "x"), List.of("y", "z"))),
                arguments("\"\",x", List.of(List.of("", "x"))),
                arguments("a\n\n\nb\n", List.of(List.of("a"), List.of("b"))),
                arguments("Jörg,Müller,😀", List.of(List.of("Jörg", "Müller", "😀"))),
                arguments("", List.of()),
                arguments("\uFEFF", List.of()));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("files")
    void readsRecordsAndFields(String text, List<List<String>> expected) {
        assertEquals(expected, read(text).stream().map(CsvRecords.Record::fields).toList());
    }

    @Test
    void recordsKnowTheLineTheyStartOn() {
        assertEquals(List.of(1L, 2L, 5L, 7L), read("h\n\"a\nb\"\n\nc\n\nd").stream()
                .map(CsvRecords.Record::line).toList());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("a,b\n\"c,d\n", Problem.UNTERMINATED_QUOTE, 2L),
                arguments("\"a\"b,c", Problem.TEXT_AFTER_QUOTE, 1L),
                arguments("ok\n" + "x".repeat(11), Problem.FIELD_TOO_LONG, 2L),
                arguments("a,b,c,d,e,f", Problem.TOO_MANY_FIELDS, 1L));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void saysWhereAndWhyTheTextIsMalformed(String text, Problem problem, long line) {
        CsvException e = assertThrows(CsvException.class, () -> read(text));
        assertEquals(problem, e.problem());
        assertEquals(line, e.line());
    }

    @Test
    void readsAHugeFileOneRecordAtATime() {
        // a reader that produces 1,000,000 records without ever holding them
        Reader endless = new Reader() {
            private long left = 1_000_000L * 4;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = "a,b\n".charAt((int) ((left - n + i) % 4));
                }
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        CsvRecords records = CsvRecords.of(endless, 10, 5);
        long count = 0;
        while (records.hasNext()) {
            records.next();
            count++;
        }
        assertEquals(1_000_000L, count);
    }

    private static List<CsvRecords.Record> read(String text) {
        CsvRecords records = CsvRecords.of(new StringReader(text), 10, 5);
        List<CsvRecords.Record> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }
}
