package dev.orgbridge.core.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filter values are JSON string literals (RFC 7644 §3.4.2.2): nothing a user types can end the value early. */
class ScimFilterTest {

    static Stream<Arguments> userNames() {
        return Stream.of(
                arguments("jmuller", "userName eq \"jmuller\""),
                arguments("jmuller@acme.com", "userName eq \"jmuller@acme.com\""),
                arguments("Jörg Müller", "userName eq \"Jörg Müller\""),
                arguments("", "userName eq \"\""),
                // an attempt to widen the filter stays one value
                arguments("x\" or userName pr or \"", "userName eq \"x\\\" or userName pr or \\\"\""),
                arguments("\" or \"1\" eq \"1", "userName eq \"\\\" or \\\"1\\\" eq \\\"1\""),
                // a trailing backslash cannot escape the closing quote
                arguments("abc\\", "userName eq \"abc\\\\\""),
                arguments("a\\\"b", "userName eq \"a\\\\\\\"b\""),
                arguments("domain\\user", "userName eq \"domain\\\\user\""),
                // brackets and parentheses are only text inside the literal
                arguments("a] or (b", "userName eq \"a] or (b\""),
                // control characters and JavaScript line terminators as escapes, never raw
                arguments("a\nb\tc", "userName eq \"a\\nb\\tc\""),
                arguments("nul\u0000", "userName eq \"nul\\u0000\""),
                arguments("line\u2028", "userName eq \"line\\u2028\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("userNames")
    void quotesTheValueAsAJsonString(String value, String filter) {
        assertEquals(filter, ScimFilter.userName(value));
    }

    @Test
    void eachLookupNamesItsAttribute() {
        assertEquals("externalId eq \"8c3e2a4f\"", ScimFilter.externalId("8c3e2a4f"));
        assertEquals("displayName eq \"Sales \\\"EMEA\\\"\"", ScimFilter.displayName("Sales \"EMEA\""));
    }

    @Test
    void lookupsGoTogetherAsOneOrFilterWhoseValuesStayQuoted() {
        assertEquals("externalId eq \"8c3e2a4f\" or userName eq \"a\\\" or userName pr\"",
                ScimFilter.anyOf(List.of(ScimFilter.externalId("8c3e2a4f"), ScimFilter.userName("a\" or userName pr"))));
        assertEquals("externalId eq \"8c3e2a4f\"", ScimFilter.anyOf(List.of(ScimFilter.externalId("8c3e2a4f"))));
        assertThrows(IllegalArgumentException.class, () -> ScimFilter.anyOf(List.of()));
    }

    @Test
    void aMemberPathKeepsAHostileIdInsideTheBrackets() {
        assertEquals("members[value eq \"u1\"]", ScimFilter.member("u1"));
        assertEquals("members[value eq \"u1\\\"] or members[value pr\"]",
                ScimFilter.member("u1\"] or members[value pr"));
    }

    @Test
    void aMissingValueIsABug() {
        assertThrows(NullPointerException.class, () -> ScimFilter.externalId(null));
    }
}
