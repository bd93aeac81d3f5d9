package dev.orgbridge.core.domain;

import static dev.orgbridge.core.domain.InvalidEmailException.Reason.DOMAIN_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LABEL;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.EMPTY_LOCAL_PART;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.ILLEGAL_CHARACTER;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.INVALID_IDN;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.LABEL_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.LOCAL_PART_TOO_LONG;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.NO_AT_SIGN;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SEVERAL_AT_SIGNS;
import static dev.orgbridge.core.domain.InvalidEmailException.Reason.SINGLE_LABEL_DOMAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailAddressTest {

    static Stream<Arguments> normalisation() {
        return Stream.of(
                // raw input                              → local part,   canonical domain
                arguments("alice@acme.com", "alice", "acme.com"),
                arguments("  Alice.Smith@ACME.COM \n", "Alice.Smith", "acme.com"),   // local part keeps its case
                arguments("alice@Acme.Com.", "alice", "acme.com"),
                arguments("alice+tag@mail.eu.acme.com", "alice+tag", "mail.eu.acme.com"),
                arguments("a@b.co", "a", "b.co"),
                arguments("o'brien@acme.com", "o'brien", "acme.com"),              // atext allows ' and more
                arguments("first.m.last@acme.com", "first.m.last", "acme.com"),
                arguments("x!#$%&*/=?^_`{|}~-@acme.com", "x!#$%&*/=?^_`{|}~-", "acme.com"),
                arguments("jörg@bücher.de", "jörg", "xn--bcher-kva.de"),
                arguments("jo\u0308rg@bu\u0308cher.de", "jörg", "xn--bcher-kva.de"),  // NFD in, NFC out
                arguments("JÖRG@BÜCHER.DE", "JÖRG", "xn--bcher-kva.de"),
                arguments("用户@xn--fsqu00a.xn--0zwm56d", "用户", "xn--fsqu00a.xn--0zwm56d"),
                arguments("bob@\uff41\uff43\uff4d\uff45.com", "bob", "acme.com"),
                arguments("bob@\u0430cme.com", "bob", "xn--cme-5cd.com"),            // Cyrillic а: another domain
                arguments("x".repeat(64) + "@acme.com", "x".repeat(64), "acme.com"));
    }

    @ParameterizedTest(name = "\"{0}\" → {1} @ {2}")
    @MethodSource("normalisation")
    void normalises(String raw, String localPart, String domain) {
        EmailAddress email = EmailAddress.parse(raw);

        assertEquals(localPart, email.localPart());
        assertEquals(domain, email.domain().ascii());
        assertEquals(localPart + "@" + domain, email.toString());
        assertEquals(email, EmailAddress.parse(email.toString()), "parsing the normalised form again");
    }

    @Test
    void nfcAndNfdSpellingsAreTheSameAddress() {
        assertEquals(EmailAddress.parse("j\u00f6rg@b\u00fccher.de"), EmailAddress.parse("jo\u0308rg@bu\u0308cher.de"));
    }

    @Test
    void lookAlikeDomainIsAnotherAddress() {
        assertNotEquals(EmailAddress.parse("alice@acme.com"), EmailAddress.parse("alice@\u0430cme.com"));
    }

    static Stream<Arguments> malformed() {
        String domain254 = EmailDomainTest.domainOfLength(254);
        return Stream.of(
                // raw input                                   → reason
                arguments(null, EMPTY),
                arguments("", EMPTY),
                arguments("   ", EMPTY),
                arguments("\u00a0\t", EMPTY),
                arguments("alice", NO_AT_SIGN),
                arguments("alice.acme.com", NO_AT_SIGN),
                arguments("alice\uff20acme.com", NO_AT_SIGN),            // full-width '@' is no '@'
                arguments("alice@@acme.com", SEVERAL_AT_SIGNS),
                arguments("a@b@acme.com", SEVERAL_AT_SIGNS),
                arguments("\"a@b\"@acme.com", SEVERAL_AT_SIGNS),          // quoted local parts are not supported
                arguments("@acme.com", EMPTY_LOCAL_PART),
                arguments("x".repeat(65) + "@acme.com", LOCAL_PART_TOO_LONG),
                arguments("x".repeat(5000) + "@acme.com", LOCAL_PART_TOO_LONG),
                arguments("alice@", EMPTY_LABEL),
                arguments("a@b..c", EMPTY_LABEL),
                arguments("alice@.acme.com", EMPTY_LABEL),
                arguments("user@" + "a".repeat(64) + ".com", LABEL_TOO_LONG),
                arguments("user@" + domain254, DOMAIN_TOO_LONG),
                arguments("user@exa mple.com", ILLEGAL_CHARACTER),
                arguments("user@example;com", ILLEGAL_CHARACTER),
                arguments("user@-acme.com", ILLEGAL_CHARACTER),
                arguments("user@acme.com-", ILLEGAL_CHARACTER),
                arguments("user@ acme.com", ILLEGAL_CHARACTER),
                arguments("user @acme.com", ILLEGAL_CHARACTER),
                arguments("us er@acme.com", ILLEGAL_CHARACTER),
                arguments("us\u00a0er@acme.com", ILLEGAL_CHARACTER),
                arguments("user\u0000@acme.com", ILLEGAL_CHARACTER),     // control characters
                arguments("us\u0007er@acme.com", ILLEGAL_CHARACTER),
                arguments("<script>alert(1)</script>@acme.com", ILLEGAL_CHARACTER), // specials: markup, not mail
                arguments("a(comment)b@acme.com", ILLEGAL_CHARACTER),
                arguments("a,b@acme.com", ILLEGAL_CHARACTER),
                arguments("a;b@acme.com", ILLEGAL_CHARACTER),
                arguments("a\\b@acme.com", ILLEGAL_CHARACTER),
                arguments(".alice@acme.com", ILLEGAL_CHARACTER),         // dot-atom: no leading, trailing or double dot
                arguments("alice.@acme.com", ILLEGAL_CHARACTER),
                arguments("al..ice@acme.com", ILLEGAL_CHARACTER),
                arguments("user@acme\u0001.com", ILLEGAL_CHARACTER),
                arguments("user@acme.com\u0000", ILLEGAL_CHARACTER),
                arguments("user\u001b[31m@acme.com", ILLEGAL_CHARACTER),  // terminal escape
                arguments("us\ud800er@acme.com", ILLEGAL_CHARACTER),      // half a surrogate pair
                arguments("user@localhost", SINGLE_LABEL_DOMAIN),
                arguments("user@localhost.", SINGLE_LABEL_DOMAIN),
                arguments("user@xn--zz.com", INVALID_IDN));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("malformed")
    void refusesMalformedAddresses(String raw, Reason reason) {
        InvalidEmailException e = assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw));

        assertEquals(reason, e.reason());
    }

    static Stream<String> hostileInputs() {
        return Stream.of(
                "attacker\n2026-01-01 INFO admin logged in@acme.com@",
                "\u202eevil@acme.com@x",
                "\"quoted\\\"@@\"",
                "x".repeat(100_000),
                "\u0000\u0001\u0002@@");
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void messagesAreShortAndSafeToLog(String raw) {
        String message = assertThrows(InvalidEmailException.class, () -> EmailAddress.parse(raw)).getMessage();

        assertTrue(message.length() < 400, message);
        assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
        if (raw.length() > InvalidEmailException.PREVIEW_LENGTH) {
            assertFalse(message.contains(raw), "long input is truncated");
        }
    }

    @Test
    void messageNamesTheReasonAndShowsAnEscapedPreview() {
        InvalidEmailException e = assertThrows(InvalidEmailException.class, () -> EmailAddress.parse("a\nb"));

        assertEquals("Invalid email address or domain: no '@' sign (input \"a\\u000ab\")", e.getMessage());
    }
}
