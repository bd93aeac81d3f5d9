package dev.orgbridge.core.sso;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside quotes,
 * line breaks inside quotes) one record at a time, so a file of any length needs memory for one record only. A UTF-8
 * byte-order mark at the start is skipped; CRLF, LF and CR end records; blank lines are skipped.
 */
public final class CsvRecords extends ReadAhead<CsvRecords.Record> {

    /** One record: its fields, and the line it starts on (from 1). */
    public record Record(long line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private static final int BOM = '\uFEFF';
    private static final int END = -1;

    private final Reader in;
    private final int maxFieldLength;
    private final int maxFields;
    private long line = 1;
    private int peeked = -2;
    private boolean started;

    private CsvRecords(Reader in, int maxFieldLength, int maxFields) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /**
     * @param in             the text (buffered by the caller)
     * @param maxFieldLength longest field, in chars
     * @param maxFields      most fields in a record
     */
    public static CsvRecords of(Reader in, int maxFieldLength, int maxFields) {
        return new CsvRecords(in, maxFieldLength, maxFields);
    }

    /** The next non-blank record, or null at the end; throws {@link CsvException} on malformed text. */
    @Override
    protected Record read() {
        while (true) {
            int c = peek();
            if (c == END) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                endOfLine();
                continue;
            }
            return record();
        }
    }

    private Record record() {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = take();
            if (c == '"' && field.isEmpty()) {
                quoted(field, start);
                c = take();
                if (c != ',' && c != '\r' && c != '\n' && c != END) {
                    throw new CsvException(start, CsvException.Problem.TEXT_AFTER_QUOTE);
                }
            }
            if (c == ',' || c == '\r' || c == '\n' || c == END) {
                add(fields, field, start);
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    take();
                }
                if (c != END) {
                    line++;
                }
                return new Record(start, fields);
            }
            append(field, c, start);
        }
    }

    private void quoted(StringBuilder field, long start) {
        while (true) {
            int c = take();
            if (c == END) {
                throw new CsvException(start, CsvException.Problem.UNTERMINATED_QUOTE);
            }
            if (c == '"') {
                if (peek() != '"') {
                    return;
                }
                take();
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(field, c, start);
        }
    }

    private void append(StringBuilder field, int c, long start) {
        if (field.length() >= maxFieldLength) {
            throw new CsvException(start, CsvException.Problem.FIELD_TOO_LONG);
        }
        field.append((char) c);
    }

    private void add(List<String> fields, StringBuilder field, long start) {
        if (fields.size() >= maxFields) {
            throw new CsvException(start, CsvException.Problem.TOO_MANY_FIELDS);
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    private void endOfLine() {
        if (take() == '\r' && peek() == '\n') {
            take();
        }
        line++;
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readChar();
        }
        return peeked;
    }

    private int take() {
        int c = peek();
        peeked = -2;
        return c;
    }

    private int readChar() {
        try {
            int c = in.read();
            if (!started) {
                started = true;
                if (c == BOM) {
                    c = in.read();
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
