package dev.orgbridge.core.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Cleans the raw values an identity provider asserted for one attribute. */
public final class AssertedValues {

    /** Longest accepted value, in characters (code points); Keycloak's group and role names allow 255. */
    public static final int MAX_LENGTH = 255;

    private AssertedValues() {
    }

    /**
     * Trims surrounding whitespace (Unicode spaces too), normalises to Unicode NFC, drops empty values and duplicates, rejects values over
     * {@value #MAX_LENGTH} characters or with control characters (each with a warning), then applies the policy for
     * several values.
     */
    public static ValueReading read(List<String> raw, MultipleValues multiple) {
        List<MappingWarning> warnings = new ArrayList<>();
        Set<String> clean = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            String stripped = Normalizer.normalize(strip(value), Normalizer.Form.NFC);
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.codePoints().anyMatch(Character::isISOControl)) {
                warnings.add(new MappingWarning(MappingWarning.Kind.VALUE_HAS_CONTROL_CHARACTERS, value));
            } else if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
                warnings.add(new MappingWarning(MappingWarning.Kind.VALUE_TOO_LONG, value));
            } else {
                clean.add(stripped);
            }
        }
        List<String> values = List.copyOf(clean);
        if (values.size() <= 1 || multiple == MultipleValues.ALL) {
            return new ValueReading(values, warnings, Optional.empty());
        }
        if (multiple == MultipleValues.DENY) {
            return new ValueReading(List.of(), warnings, Optional.of(MappingDenial.SEVERAL_VALUES));
        }
        values.subList(1, values.size())
                .forEach(extra -> warnings.add(new MappingWarning(MappingWarning.Kind.EXTRA_VALUE, extra)));
        return new ValueReading(values.subList(0, 1), warnings, Optional.empty());
    }

    /** Strips whitespace including no-break and other Unicode spaces, which directories paste into names. */
    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && blank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
