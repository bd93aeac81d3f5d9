package dev.orgbridge.core.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.sso.ImportRowCheck.Checked;
import dev.orgbridge.core.sso.ImportRowCheck.Rejected;
import dev.orgbridge.core.sso.ImportRowCheck.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bulk-import rows, one decision each: docs/sso-identifier.md, "Bulk import". */
class ImportRowCheckTest {

    private static final List<String> HEADER = List.of("username", "email", "firstName", "lastName",
            "ssoIdentifier", "groups", "enabled");

    static Stream<Arguments> headers() {
        return Stream.of(
                arguments(List.of("username"), null),
                arguments(List.of("Email", " USERNAME ", "ssoidentifier"), null),
                arguments(List.of("email"), "column username is required"),
                arguments(List.of("username", "password"), "unknown column 'password'"),
                arguments(List.of("username", "email", "EMAIL"), "column email appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void theHeaderNamesKnownColumnsOnceAndIncludesUsername(List<String> header, String problem) {
        if (problem == null) {
            assertEquals(header.size(), ImportColumns.of(header).count());
        } else {
            String message = assertThrows(IllegalArgumentException.class, () -> ImportColumns.of(header)).getMessage();
            assertEquals(true, message.startsWith(problem), message);
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // fields (username, email, firstName, lastName, ssoIdentifier, groups, enabled) -> rejection or null
                arguments(row("jsmith", "jsmith@acme.com", "John", "Smith", "ABC123", "/teams/Sales", "true"), null),
                arguments(row("jsmith", "", "", "", "", "", ""), null),
                arguments(row("", "jsmith@acme.com", "", "", "", "", ""), ImportRejection.USERNAME_MISSING),
                arguments(row("   ", "", "", "", "", "", ""), ImportRejection.USERNAME_MISSING),
                arguments(row("j\nsmith", "", "", "", "", "", ""), ImportRejection.USERNAME_INVALID),
                arguments(row("x".repeat(256), "", "", "", "", "", ""), ImportRejection.USERNAME_INVALID),
                arguments(row("jsmith", "jsmith.acme.com", "", "", "", "", ""), ImportRejection.EMAIL_INVALID),
                arguments(row("jsmith", "a@b@c", "", "", "", "", ""), ImportRejection.EMAIL_INVALID),
                arguments(row("jsmith", "", "", "", "ABC\n123", "", ""), ImportRejection.SSO_IDENTIFIER_INVALID),
                arguments(row("jsmith", "", "", "", "x".repeat(256), "", ""),
                        ImportRejection.SSO_IDENTIFIER_INVALID),
                arguments(row("jsmith", "", "", "", "", "", "yes"), ImportRejection.ENABLED_INVALID),
                arguments(List.of("jsmith", "jsmith@acme.com"), ImportRejection.WRONG_COLUMN_COUNT),
                arguments(row("jsmith", "", "", "", "", "", "", ""), ImportRejection.WRONG_COLUMN_COUNT));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rows")
    void eachRowIsValidOrRejectedWithAReason(List<String> fields, ImportRejection rejection) {
        Checked checked = new ImportRowCheck(ImportColumns.of(HEADER)).check(2, fields);
        if (rejection == null) {
            assertEquals(Valid.class, checked.getClass(), checked.toString());
        } else {
            assertEquals(new Rejected(2, rejection, Optional.empty()), checked);
        }
    }

    @Test
    void aValidRowIsReadAsKeycloakStoresIt() {
        ImportRow row = ((Valid) new ImportRowCheck(ImportColumns.of(HEADER)).check(7,
                row(" JSmith ", "JSmith@ACME.com", "John", "Smith", " ABC123 ", "/teams/Sales; /staff ;", "FALSE")))
                .row();
        assertEquals(new ImportRow(7, "jsmith", Optional.of("jsmith@acme.com"), Optional.of("John"),
                Optional.of("Smith"), Optional.of(SsoIdentifier.parse("ABC123")), List.of("/teams/Sales", "/staff"),
                false), row);
        assertEquals("ABC123", row.ssoIdentifier().orElseThrow().value());
    }

    static Stream<Arguments> duplicates() {
        return Stream.of(
                arguments(row("jsmith", "", "", "", "", "", ""), row("JSMITH", "", "", "", "", "", ""),
                        ImportRejection.USERNAME_DUPLICATE_IN_FILE),
                arguments(row("a", "j@acme.com", "", "", "", "", ""), row("b", "J@Acme.COM", "", "", "", "", ""),
                        ImportRejection.EMAIL_DUPLICATE_IN_FILE),
                arguments(row("a", "", "", "", "ABC123", "", ""), row("b", "", "", "", "abc123", "", ""),
                        ImportRejection.SSO_IDENTIFIER_DUPLICATE_IN_FILE),
                arguments(row("a", "", "", "", "Mu\u0308ller", "", ""), row("b", "", "", "", "M\u00DCLLER", "", ""),
                        ImportRejection.SSO_IDENTIFIER_DUPLICATE_IN_FILE));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("duplicates")
    void aRowRepeatingAnEarlierRowIsRejectedNamingIt(List<String> first, List<String> second,
                                                     ImportRejection rejection) {
        ImportRowCheck check = new ImportRowCheck(ImportColumns.of(HEADER));
        assertEquals(Valid.class, check.check(2, first).getClass());
        assertEquals(new Rejected(3, rejection, Optional.of(2L)), check.check(3, second));
    }

    @Test
    void aRejectedRowReservesNothing() {
        ImportRowCheck check = new ImportRowCheck(ImportColumns.of(HEADER));
        assertEquals(Rejected.class, check.check(2, row("jsmith", "bad", "", "", "", "", "")).getClass());
        assertEquals(Valid.class, check.check(3, row("jsmith", "", "", "", "", "", "")).getClass());
    }

    private static List<String> row(String... fields) {
        return Arrays.asList(fields);
    }
}
