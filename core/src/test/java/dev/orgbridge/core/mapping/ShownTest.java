package dev.orgbridge.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Untrusted values as pages, logs and events show them. */
class ShownTest {

    static Stream<Arguments> shown() {
        return Stream.of(
                arguments("Sales", "Sales"),
                arguments("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                arguments("R&D \"core\"", "R&amp;D &quot;core&quot;"),
                arguments("a\nFAKE LOG LINE", "a\uFFFDFAKE LOG LINE"),
                arguments("x".repeat(64), "x".repeat(64)),
                arguments("x".repeat(65), "x".repeat(64) + "…"),
                arguments("😀".repeat(70), "😀".repeat(64) + "…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shown")
    void escapesControlsAndShortens(String value, String expected) {
        assertEquals(expected, Shown.of(value));
    }
}
