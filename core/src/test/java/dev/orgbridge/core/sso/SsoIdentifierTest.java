package dev.orgbridge.core.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.sso.InvalidSsoIdentifierException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SSO identifier's normal form: docs/sso-identifier.md, "Same identifier". */
class SsoIdentifierTest {

    static Stream<Arguments> normalForms() {
        return Stream.of(
                // raw,                       value,               key
                arguments("ABC123", "ABC123", "abc123"),
                arguments("  ABC123\t", "ABC123", "abc123"),
                arguments("abc123", "abc123", "abc123"),
                arguments("JSmith@Acme.com", "JSmith@Acme.com", "jsmith@acme.com"),
                arguments("CN=John Smith,OU=Staff", "CN=John Smith,OU=Staff", "cn=john smith,ou=staff"),
                arguments("Mu\u0308ller", "M\u00FCller", "m\u00FCller"),
                arguments("M\u00DCLLER", "M\u00DCLLER", "m\u00FCller"),
                arguments("TITLE", "TITLE", "title"),
                arguments("x".repeat(255), "x".repeat(255), "x".repeat(255)));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("normalForms")
    void keepsTheValueAndComparesByTheKey(String raw, String value, String key) {
        SsoIdentifier id = SsoIdentifier.parse(raw);
        assertEquals(value, id.value());
        assertEquals(key, id.key());
    }

    static Stream<Arguments> sameIdentifiers() {
        return Stream.of(
                arguments("ABC123", "abc123"),
                arguments("ABC123", " AbC123 "),
                arguments("M\u00FCller", "MU\u0308LLER"),
                arguments("jsmith@ACME.COM", "JSMITH@acme.com"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("sameIdentifiers")
    void caseWhitespaceAndUnicodeFormDoNotMakeAnotherIdentifier(String one, String other) {
        assertEquals(SsoIdentifier.parse(one), SsoIdentifier.parse(other));
        assertEquals(true, SsoIdentifier.parse(one).matches(SsoIdentifier.parse(other)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments(null, Reason.EMPTY),
                arguments("", Reason.EMPTY),
                arguments(" \t ", Reason.EMPTY),
                arguments("ABC\n123", Reason.CONTROL_CHARACTERS),
                arguments("ABC\u0000", Reason.CONTROL_CHARACTERS),
                arguments("x".repeat(256), Reason.TOO_LONG));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void refusesWhatCannotBeAnIdentifier(String raw, Reason reason) {
        assertEquals(reason, assertThrows(InvalidSsoIdentifierException.class, () -> SsoIdentifier.parse(raw))
                .reason());
    }
}
