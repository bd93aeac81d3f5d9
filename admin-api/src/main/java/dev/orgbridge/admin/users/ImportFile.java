package dev.orgbridge.admin.users;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.orgbridge.core.sso.CsvException;
import dev.orgbridge.core.sso.CsvRecords;
import dev.orgbridge.core.sso.ImportColumns;
import dev.orgbridge.core.sso.ReadAhead;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An uploaded import, spooled to a temporary file as it arrives (so memory never holds the file), and read back as
 * rows: CSV with a header row (UTF-8, BOM optional) or a JSON array of objects with the same names as keys.
 */
final class ImportFile implements AutoCloseable {

    /** One row: its line (CSV) or position (JSON, from 1), and fields in the order of {@link #header()}. */
    record Row(long line, List<String> fields) {
    }

    private static final List<String> JSON_HEADER = Arrays.stream(ImportColumns.Column.values())
            .map(ImportColumns.Column::header).toList();

    private final Path spool;
    private final boolean json;

    private ImportFile(Path spool, boolean json) {
        this.spool = spool;
        this.json = json;
    }

    /** Copies the upload to disk, refusing (413) what is over the byte limit. */
    static ImportFile spool(InputStream upload, boolean json, ImportLimits limits) throws IOException {
        Path spool = Files.createTempFile("orgbridge-import-", json ? ".json" : ".csv");
        try (OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = upload.read(buffer); n >= 0; n = upload.read(buffer)) {
                total += n;
                if (total > limits.maxBytes()) {
                    // read (and drop) a moderate excess, so the client gets the answer rather than a broken pipe
                    for (long drained = total; drained <= 2 * limits.maxBytes() && n >= 0; n = upload.read(buffer)) {
                        drained += Math.max(n, 0);
                    }
                    throw new ImportRefused(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "the file is larger than " + limits.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return new ImportFile(spool, json);
    }

    /** The columns; for JSON every known column, in the documented order. */
    ImportColumns header() {
        if (json) {
            return ImportColumns.of(JSON_HEADER);
        }
        try (Rows rows = rows()) {
            if (!rows.hasNext()) {
                throw new ImportRefused(Response.Status.BAD_REQUEST, "the file is empty: a header row is required");
            }
            return ImportColumns.of(rows.next().fields());
        } catch (IllegalArgumentException e) {
            throw new ImportRefused(Response.Status.BAD_REQUEST, "header: " + e.getMessage());
        }
    }

    /**
     * Reads the whole file once without creating anything: malformed text (400) and too many rows (413) refuse the
     * import before it starts.
     */
    void check(ImportLimits limits) {
        try (Rows rows = dataRows()) {
            long count = 0;
            while (rows.hasNext()) {
                rows.next();
                if (++count > limits.maxRows()) {
                    throw new ImportRefused(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "the file has more than " + limits.maxRows() + " rows");
                }
            }
        }
    }

    /** The data rows (after the CSV header). */
    Rows dataRows() {
        Rows rows = rows();
        if (!json && rows.hasNext()) {
            rows.next();
        }
        return rows;
    }

    private Rows rows() {
        try {
            Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(spool),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            return json ? new JsonRows(reader) : new CsvRows(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(spool);
    }

    /** Rows of the file, read lazily; malformed text is an {@link ImportRefused} (400). */
    abstract static class Rows extends ReadAhead<Row> implements AutoCloseable {
        private final Reader reader;

        Rows(Reader reader) {
            this.reader = reader;
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static ImportRefused malformed(String message) {
            return new ImportRefused(Response.Status.BAD_REQUEST, message);
        }
    }

    private static final class CsvRows extends Rows {
        private final CsvRecords records;

        CsvRows(Reader reader) {
            super(reader);
            this.records = CsvRecords.of(reader, ImportLimits.MAX_FIELD, ImportColumns.Column.values().length * 4);
        }

        @Override
        protected Row read() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
            } catch (CsvException e) {
                throw malformed(e.getMessage());
            } catch (UncheckedIOException e) {
                throw encoding(e);
            }
            CsvRecords.Record record = records.next();
            return new Row(record.line(), record.fields());
        }
    }

    private static final class JsonRows extends Rows {
        private final JsonParser parser;
        private long position;

        JsonRows(Reader reader) throws IOException {
            super(reader);
            this.parser = new JsonFactory().createParser(reader);
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw malformed("the JSON body must be an array of objects");
                }
            } catch (JsonProcessingException e) {
                throw malformed("JSON: " + e.getOriginalMessage());
            }
        }

        @Override
        protected Row read() {
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return null;
                }
                position++;
                if (token != JsonToken.START_OBJECT) {
                    throw malformed("JSON element " + position + " is not an object");
                }
                String[] fields = new String[JSON_HEADER.size()];
                Arrays.fill(fields, "");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int column = column(name);
                    fields[column] = value(parser.nextToken(), name);
                }
                return new Row(position, new ArrayList<>(Arrays.asList(fields)));
            } catch (JsonProcessingException e) {
                throw malformed("JSON: " + e.getOriginalMessage());
            } catch (CharacterCodingException e) {
                throw malformed("the file is not UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int column(String name) {
            Optional<Integer> index = Optional.empty();
            for (int i = 0; i < JSON_HEADER.size(); i++) {
                if (JSON_HEADER.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    index = Optional.of(i);
                }
            }
            return index.orElseThrow(() -> malformed("JSON element " + position + " has unknown key '" + name
                    + "'; keys are " + String.join(", ", JSON_HEADER)));
        }

        /** Strings as they are; numbers and booleans as text; a list of group paths joined by ';'. */
        private String value(JsonToken token, String name) throws IOException {
            if (token == JsonToken.START_ARRAY) {
                List<String> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(parser.getValueAsString(""));
                }
                return String.join(";", items);
            }
            if (token == JsonToken.START_OBJECT) {
                throw malformed("JSON element " + position + ": '" + name + "' must be a string, not an object");
            }
            return token == JsonToken.VALUE_NULL ? "" : parser.getValueAsString("");
        }
    }

    private static ImportRefused encoding(UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new ImportRefused(Response.Status.BAD_REQUEST, "the file is not UTF-8");
        }
        throw e;
    }
}
