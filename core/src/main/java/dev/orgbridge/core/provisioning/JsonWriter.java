package dev.orgbridge.core.provisioning;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259) for the few documents Orgbridge sends, so that {@code core} needs no JSON
 * library. Writes compact JSON (no spaces) in the order of the calls; refuses calls that would not give one valid
 * document with {@link IllegalStateException}. Only strings, integers, booleans and null: no floating point.
 *
 * <pre>{@code
 * new JsonWriter().beginObject().name("id").value("u1").name("enabled").value(true).endObject().toJson()
 *   → {"id":"u1","enabled":true}
 * }</pre>
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** One open object or array: whether it has members yet, and (objects) whether a name awaits its value. */
    private static final class Level {
        final boolean object;
        boolean hasMembers;
        boolean nameWritten;

        Level(boolean object) {
            this.object = object;
        }
    }

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<Level> open = new ArrayDeque<>();
    private boolean done;

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new Level(true));
        return this;
    }

    public JsonWriter endObject() {
        return end(true, '}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new Level(false));
        return this;
    }

    public JsonWriter endArray() {
        return end(false, ']');
    }

    /** The name of the next member of the current object. */
    public JsonWriter name(String name) {
        Level level = open.peek();
        if (level == null || !level.object || level.nameWritten) {
            throw new IllegalStateException("a name belongs directly inside an object, before its value");
        }
        if (level.hasMembers) {
            out.append(',');
        }
        quote(name, out);
        out.append(':');
        level.nameWritten = true;
        return this;
    }

    /** A string, or {@code null} for a null string. */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        quote(value, out);
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The document; throws {@link IllegalStateException} while an object or array is still open. */
    public String toJson() {
        if (!done || !open.isEmpty()) {
            throw new IllegalStateException("the JSON document is not complete");
        }
        return out.toString();
    }

    /** What is written so far (possibly incomplete), for debugging. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Appends {@code s} as a JSON string: quotes and backslashes escaped, control characters (U+0000–U+001F) as
     * {@code \b \f \n \r \t} or {@code \}{@code u00XX}, U+2028 and U+2029 escaped (JavaScript line terminators), lone
     * surrogates escaped (they have no UTF-8 form), everything else as it is, including pairs of surrogates.
     */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> unicodeEscape(c, out);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(s, out);
        return out.toString();
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }

    private void beforeValue() {
        Level level = open.peek();
        if (level == null) {
            if (done) {
                throw new IllegalStateException("a JSON document has one top-level value");
            }
            done = true; // the top-level value starts now; complete once its levels close
            return;
        }
        if (level.object) {
            if (!level.nameWritten) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            level.nameWritten = false;
        } else if (level.hasMembers) {
            out.append(',');
        }
        level.hasMembers = true;
    }

    private JsonWriter end(boolean object, char close) {
        Level level = open.peek();
        if (level == null || level.object != object || level.nameWritten) {
            throw new IllegalStateException("nothing to close with " + close + " here");
        }
        open.pop();
        out.append(close);
        return this;
    }
}
