package dev.orgbridge.core.sso;

import dev.orgbridge.core.domain.EmailAddress;
import dev.orgbridge.core.domain.InvalidEmailException;
import dev.orgbridge.core.sso.ImportColumns.Column;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the rows of one file in order: each row becomes an {@link ImportRow} or an {@link ImportRejection}. Rows are
 * compared with the earlier rows of the same file through 64-bit hashes of their keys, so a file of any length costs
 * a few dozen bytes per row, never the row itself.
 */
public final class ImportRowCheck {

    /** The result for one row. */
    public sealed interface Checked {
        long line();
    }

    /** A row to create. */
    public record Valid(ImportRow row) implements Checked {
        @Override
        public long line() {
            return row.line();
        }
    }

    /** A row that creates nothing; {@code earlierLine} names the row it repeats, if that is the reason. */
    public record Rejected(long line, ImportRejection reason, Optional<Long> earlierLine) implements Checked {
    }

    private static final int MAX_USERNAME = 255;

    private final ImportColumns columns;
    private final Map<Long, Long> usernames = new HashMap<>();
    private final Map<Long, Long> emails = new HashMap<>();
    private final Map<Long, Long> ssoIdentifiers = new HashMap<>();

    public ImportRowCheck(ImportColumns columns) {
        this.columns = columns;
    }

    public Checked check(long line, List<String> fields) {
        if (fields.size() != columns.count()) {
            return rejected(line, ImportRejection.WRONG_COLUMN_COUNT);
        }
        Optional<String> username = columns.field(fields, Column.USERNAME);
        if (username.isEmpty()) {
            return rejected(line, ImportRejection.USERNAME_MISSING);
        }
        if (username.get().length() > MAX_USERNAME || username.get().chars().anyMatch(Character::isISOControl)) {
            return rejected(line, ImportRejection.USERNAME_INVALID);
        }
        Optional<String> email = columns.field(fields, Column.EMAIL);
        if (email.isPresent()) {
            try {
                email = Optional.of(EmailAddress.parse(email.get()).toString());
            } catch (InvalidEmailException e) {
                return rejected(line, ImportRejection.EMAIL_INVALID);
            }
        }
        Optional<SsoIdentifier> sso;
        try {
            sso = columns.field(fields, Column.SSO_IDENTIFIER).map(SsoIdentifier::parse);
        } catch (InvalidSsoIdentifierException e) {
            return rejected(line, ImportRejection.SSO_IDENTIFIER_INVALID);
        }
        Optional<String> enabled = columns.field(fields, Column.ENABLED).map(v -> v.toLowerCase(Locale.ROOT));
        if (enabled.isPresent() && !enabled.get().equals("true") && !enabled.get().equals("false")) {
            return rejected(line, ImportRejection.ENABLED_INVALID);
        }
        ImportRow row = new ImportRow(line, username.get(), email, columns.field(fields, Column.FIRST_NAME),
                columns.field(fields, Column.LAST_NAME), sso, groups(columns.field(fields, Column.GROUPS)),
                enabled.map(Boolean::parseBoolean).orElse(true));
        return duplicate(row).orElseGet(() -> remember(row));
    }

    /** Checked only once a row is valid, so a rejected row reserves nothing for the rows after it. */
    private Optional<Checked> duplicate(ImportRow row) {
        Long earlier = usernames.get(hash(row.username()));
        if (earlier != null) {
            return Optional.of(new Rejected(row.line(), ImportRejection.USERNAME_DUPLICATE_IN_FILE,
                    Optional.of(earlier)));
        }
        earlier = row.email().map(e -> emails.get(hash(e))).orElse(null);
        if (earlier != null) {
            return Optional.of(new Rejected(row.line(), ImportRejection.EMAIL_DUPLICATE_IN_FILE,
                    Optional.of(earlier)));
        }
        earlier = row.ssoIdentifier().map(s -> ssoIdentifiers.get(hash(s.key()))).orElse(null);
        if (earlier != null) {
            return Optional.of(new Rejected(row.line(), ImportRejection.SSO_IDENTIFIER_DUPLICATE_IN_FILE,
                    Optional.of(earlier)));
        }
        return Optional.empty();
    }

    private Checked remember(ImportRow row) {
        usernames.put(hash(row.username()), row.line());
        row.email().ifPresent(e -> emails.put(hash(e), row.line()));
        row.ssoIdentifier().ifPresent(s -> ssoIdentifiers.put(hash(s.key()), row.line()));
        return new Valid(row);
    }

    private static List<String> groups(Optional<String> field) {
        return field.stream()
                .flatMap(value -> Arrays.stream(value.split(";")))
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .distinct()
                .toList();
    }

    private static Rejected rejected(long line, ImportRejection reason) {
        return new Rejected(line, reason, Optional.empty());
    }

    /** 64-bit FNV-1a over the UTF-16 chars: collisions among a million keys are about one in ten million. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
