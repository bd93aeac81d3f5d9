package dev.orgbridge.core.provisioning.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScimErrorTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                //        status, scimType,        refusesPatch, conflict, noTarget
                arguments(405, null, true, false, false),           // PATCH not allowed on the resource
                arguments(501, null, true, false, false),           // PATCH not implemented
                arguments(400, null, true, false, false),           // a bare 400: try the PUT once
                arguments(400, "invalidSyntax", true, false, false),
                arguments(400, "invalidPath", true, false, false),
                arguments(400, "INVALIDPATH", true, false, false),  // keywords compared ignoring case
                arguments(400, "noTarget", true, false, true),
                arguments(400, "invalidValue", false, false, false), // the PUT would carry the same value
                arguments(400, "uniqueness", false, false, false),
                arguments(400, "mutability", false, false, false),
                arguments(409, "uniqueness", false, true, false),
                arguments(409, null, false, true, false),           // many servers send no keyword
                arguments(409, "mutability", false, false, false),
                arguments(404, null, false, false, false),
                arguments(404, "noTarget", false, false, false),
                arguments(412, "invalidVers", false, false, false),
                arguments(500, null, false, false, false),
                arguments(401, null, false, false, false));
    }

    @ParameterizedTest(name = "HTTP {0} {1}: PUT instead {2}, conflict {3}, no target {4}")
    @MethodSource("answers")
    void saysWhatAnAnswerMeans(int status, String scimType, boolean refusesPatch, boolean conflict,
            boolean noTarget) {
        ScimError error = ScimError.of(status, scimType, null);

        assertEquals(refusesPatch, error.refusesPatch());
        assertEquals(conflict, error.conflict());
        assertEquals(noTarget, error.noTarget());
    }

    static Stream<Arguments> details() {
        String longText = "x".repeat(300);
        String pairAtTheCut = "y".repeat(ScimError.MAX_DETAIL - 1) + "\uD83D\uDE00";
        return Stream.of(
                arguments("User already exists", "User already exists"),
                arguments("  padded  ", "padded"),
                arguments("forged\nINFO admin logged in", "forged INFO admin logged in"),
                arguments("cr\rlf\u0085nel\u2028ls", "cr lf nel ls"),
                arguments("bidi \u202Egnp.exe", "bidi  gnp.exe"),
                arguments("lone \uD83D surrogate", "lone   surrogate"),
                arguments("Jörg \uD83D\uDE00", "Jörg \uD83D\uDE00"),
                arguments(longText, "x".repeat(ScimError.MAX_DETAIL) + "…"),
                arguments(pairAtTheCut, "y".repeat(ScimError.MAX_DETAIL - 1) + "…"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("details")
    void keepsTheDetailLogSafe(String detail, String kept) {
        assertEquals(Optional.of(kept), ScimError.of(400, null, detail).detail());
    }

    @Test
    void dropsWhatIsNotAKeywordOrNotThere() {
        assertEquals(new ScimError(409, Optional.empty(), Optional.empty()), ScimError.of(409, "", "  "));
        assertEquals(Optional.empty(), ScimError.of(409, "uniqueness\nINFO forged", null).scimType());
        assertEquals(Optional.empty(), ScimError.of(409, "u".repeat(41), null).scimType());
    }

    @Test
    void describesItselfInOneLine() {
        assertEquals("HTTP 409 uniqueness: userName exists",
                ScimError.of(409, "uniqueness", "userName exists").describe());
        assertEquals("HTTP 503", ScimError.of(503, null, null).describe());
        assertEquals("no answer: token endpoint unreachable",
                ScimError.of(0, null, "token endpoint unreachable").describe());
    }
}
