package dev.orgbridge.core.sso;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The header row of a bulk-import CSV: which column holds what. Names ignore case; order is free. */
public final class ImportColumns {

    /** The columns a file may have. */
    public enum Column {
        USERNAME("username"),
        EMAIL("email"),
        FIRST_NAME("firstName"),
        LAST_NAME("lastName"),
        SSO_IDENTIFIER("ssoIdentifier"),
        GROUPS("groups"),
        ENABLED("enabled");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        /** The header as documented, e.g. {@code ssoIdentifier}. */
        public String header() {
            return header;
        }

        static Optional<Column> named(String header) {
            String wanted = header.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(c -> c.header.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        }
    }

    private final Map<Column, Integer> index;
    private final int count;

    private ImportColumns(Map<Column, Integer> index, int count) {
        this.index = index;
        this.count = count;
    }

    /** Reads the header; throws {@link IllegalArgumentException} naming an unknown, repeated or missing column. */
    public static ImportColumns of(List<String> header) {
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Column column = Column.named(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown column '" + name.strip() + "'; columns are " + String.join(", ",
                            Arrays.stream(Column.values()).map(Column::header).toList())));
            if (index.put(column, i) != null) {
                throw new IllegalArgumentException("column " + column.header() + " appears twice");
            }
        }
        if (!index.containsKey(Column.USERNAME)) {
            throw new IllegalArgumentException("column username is required");
        }
        return new ImportColumns(index, header.size());
    }

    /** How many fields every row has. */
    public int count() {
        return count;
    }

    /** The row's field for the column, trimmed; empty when the file has no such column or the field is blank. */
    public Optional<String> field(List<String> row, Column column) {
        Integer i = index.get(column);
        return i == null ? Optional.empty() : Optional.of(row.get(i).strip()).filter(s -> !s.isEmpty());
    }
}
