package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonWriterTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("plain", "\"plain\""),
                arguments("", "\"\""),
                arguments("say \"hi\"", "\"say \\\"hi\\\"\""),
                arguments("C:\\temp\\x", "\"C:\\\\temp\\\\x\""),
                arguments("/path/ok", "\"/path/ok\""),                          // '/' needs no escape
                arguments("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
                arguments("\b\f", "\"\\b\\f\""),
                arguments("\u0000", "\"\\u0000\""),
                arguments("\u0001\u001f", "\"\\u0001\\u001f\""),
                arguments("\u007f", "\"\u007f\""),                              // DEL is allowed as it is
                arguments("line\u2028para\u2029", "\"line\\u2028para\\u2029\""),  // JavaScript line terminators
                arguments("Jörg Müller", "\"Jörg Müller\""),                     // non-ASCII as it is (UTF-8 on the wire)
                arguments("日本", "\"日本\""),
                arguments("\uD83D\uDE00 grin", "\"\uD83D\uDE00 grin\""),         // U+1F600, a surrogate pair kept whole
                arguments("\uD834\uDD1E", "\"\uD834\uDD1E\""),                   // U+1D11E
                arguments("lone \uD83D here", "\"lone \\ud83d here\""),          // a lone high surrogate has no UTF-8
                arguments("lone \uDE00", "\"lone \\ude00\""),                    // a lone low surrogate
                arguments("\uDE00\uD83D", "\"\\ude00\\ud83d\""));                // a pair in the wrong order
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("strings")
    void quotesStrings(String text, String json) {
        assertEquals(json, JsonWriter.quote(text));
    }

    @Test
    void aSupplementaryCharacterBecomesFourUtf8Bytes() {
        byte[] utf8 = JsonWriter.quote("\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"'}, utf8);
    }

    @Test
    void writesNestedObjectsAndArraysCompactly() {
        String json = new JsonWriter().beginObject()
                .name("id").value("u1")
                .name("n").value(-42L)
                .name("ok").value(false)
                .name("none").value((String) null)
                .name("empty").beginObject().endObject()
                .name("list").beginArray().value(1L).value("two").beginObject().name("x").nullValue().endObject()
                .beginArray().endArray().endArray()
                .endObject().toJson();
        assertEquals("{\"id\":\"u1\",\"n\":-42,\"ok\":false,\"none\":null,\"empty\":{},"
                + "\"list\":[1,\"two\",{\"x\":null},[]]}", json);
    }

    @Test
    void aNameIsQuotedLikeAValue() {
        assertEquals("{\"a\\\"b\":1}", new JsonWriter().beginObject().name("a\"b").value(1L).endObject().toJson());
    }

    @Test
    void aTopLevelScalarIsADocument() {
        assertEquals("\"x\"", new JsonWriter().value("x").toJson());
    }

    static Stream<Arguments> misuse() {
        return Stream.<Arguments>of(
                arguments("value without a name", (Consumer<JsonWriter>) w -> w.beginObject().value(1L)),
                arguments("two names", (Consumer<JsonWriter>) w -> w.beginObject().name("a").name("b")),
                arguments("name in an array", (Consumer<JsonWriter>) w -> w.beginArray().name("a")),
                arguments("name at the top", (Consumer<JsonWriter>) w -> w.name("a")),
                arguments("close a name without value", (Consumer<JsonWriter>) w -> w.beginObject().name("a")
                        .endObject()),
                arguments("close the wrong kind", (Consumer<JsonWriter>) w -> w.beginObject().endArray()),
                arguments("close nothing", (Consumer<JsonWriter>) JsonWriter::endObject),
                arguments("two documents", (Consumer<JsonWriter>) w -> w.value(1L).value(2L)),
                arguments("unfinished", (Consumer<JsonWriter>) w -> w.beginObject().name("a").value(1L).toJson()),
                arguments("empty", (Consumer<JsonWriter>) JsonWriter::toJson));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuse")
    void refusesAnythingButOneValidDocument(String story, Consumer<JsonWriter> calls) {
        assertThrows(IllegalStateException.class, () -> calls.accept(new JsonWriter()));
    }
}
