package dev.orgbridge.core.mapping;

import static dev.orgbridge.core.mapping.MappingWarning.Kind.EXTRA_VALUE;
import static dev.orgbridge.core.mapping.MappingWarning.Kind.VALUE_HAS_CONTROL_CHARACTERS;
import static dev.orgbridge.core.mapping.MappingWarning.Kind.VALUE_TOO_LONG;
import static dev.orgbridge.core.mapping.MultipleValues.ALL;
import static dev.orgbridge.core.mapping.MultipleValues.DENY;
import static dev.orgbridge.core.mapping.MultipleValues.FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How asserted values are cleaned before any mapping: docs/idp-mappers.md, "Values". */
class AssertedValuesTest {

    private static final String LONGEST = "x".repeat(255);
    private static final String TOO_LONG = "x".repeat(256);

    static Stream<Arguments> cleaning() {
        return Stream.of(
                // raw values,                                  expected values
                arguments(List.of(), List.of()),
                arguments(List.of("Sales"), List.of("Sales")),
                arguments(List.of("  Sales \t"), List.of("Sales")),
                arguments(List.of("\u00A0Sales\u2003"), List.of("Sales")),
                arguments(List.of(""), List.of()),
                arguments(List.of("   "), List.of()),
                arguments(Arrays.asList((String) null), List.of()),
                arguments(List.of("Sales", "Sales"), List.of("Sales")),
                arguments(List.of("Sales", "sales"), List.of("Sales", "sales")),
                arguments(List.of("Mu\u0308ller"), List.of("M\u00FCller")),
                arguments(List.of("<script>alert(1)</script>"), List.of("<script>alert(1)</script>")),
                arguments(List.of("a/b", "..", "/admins"), List.of("a/b", "..", "/admins")),
                arguments(List.of(LONGEST), List.of(LONGEST)),
                arguments(List.of("😀".repeat(255)), List.of("😀".repeat(255))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cleaning")
    void cleansValues(List<String> raw, List<String> expected) {
        ValueReading reading = AssertedValues.read(raw, ALL);
        assertEquals(expected, reading.values());
        assertEquals(List.of(), reading.warnings());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments(TOO_LONG, VALUE_TOO_LONG),
                arguments("😀".repeat(256), VALUE_TOO_LONG),
                arguments("Sales\nAdmins", VALUE_HAS_CONTROL_CHARACTERS),
                arguments("Sales\u0000", VALUE_HAS_CONTROL_CHARACTERS),
                arguments("Sa\rles", VALUE_HAS_CONTROL_CHARACTERS));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rejected")
    void rejectsWithAWarningAndKeepsTheOtherValues(String bad, MappingWarning.Kind kind) {
        ValueReading reading = AssertedValues.read(List.of(bad, "Sales"), ALL);
        assertEquals(List.of("Sales"), reading.values());
        assertEquals(List.of(new MappingWarning(kind, bad)), reading.warnings());
    }

    static Stream<Arguments> severalValues() {
        return Stream.of(
                // policy, raw,                        values,                  extra warned,        denial
                arguments(ALL, List.of("a", "b", "c"), List.of("a", "b", "c"), List.of(), false),
                arguments(FIRST, List.of("a", "b", "c"), List.of("a"), List.of("b", "c"), false),
                arguments(DENY, List.of("a", "b"), List.of(), List.of(), true),
                arguments(FIRST, List.of("a", " a "), List.of("a"), List.of(), false),
                arguments(DENY, List.of("a", " a ", ""), List.of("a"), List.of(), false),
                arguments(DENY, List.of("a", TOO_LONG), List.of("a"), List.of(), false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("severalValues")
    void appliesThePolicyForSeveralValuesAfterCleaning(MultipleValues policy, List<String> raw, List<String> values,
                                                      List<String> extra, boolean denied) {
        ValueReading reading = AssertedValues.read(raw, policy);
        assertEquals(values, reading.values());
        assertEquals(extra, reading.warnings().stream().filter(w -> w.kind() == EXTRA_VALUE)
                .map(MappingWarning::value).toList());
        assertEquals(denied ? Optional.of(MappingDenial.SEVERAL_VALUES) : Optional.empty(), reading.denial());
    }

    @Test
    void missingWhenNothingUsableIsLeft() {
        assertEquals(true, AssertedValues.read(List.of(" ", TOO_LONG), ALL).missing());
    }
}
