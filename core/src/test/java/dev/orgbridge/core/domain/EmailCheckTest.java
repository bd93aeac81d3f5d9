package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.orgbridge.core.domain.EmailCheck.Corporate;
import dev.orgbridge.core.domain.EmailCheck.Malformed;
import dev.orgbridge.core.domain.EmailCheck.Missing;
import dev.orgbridge.core.domain.EmailCheck.Personal;
import dev.orgbridge.core.domain.EmailCheck.Unverified;
import dev.orgbridge.core.domain.InvalidEmailException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailCheckTest {

    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw);
    }

    static Stream<Arguments> classification() {
        return Stream.of(
                // raw email             , verified?, classified as
                arguments(null, true, new Missing()),
                arguments("", true, new Missing()),
                arguments(" \t\n", true, new Missing()),
                arguments(null, false, new Missing()),
                arguments("alice", true, new Malformed(Reason.NO_AT_SIGN)),
                arguments("alice@localhost", true, new Malformed(Reason.SINGLE_LABEL_DOMAIN)),
                arguments("alice@acme..com", false, new Malformed(Reason.EMPTY_LABEL)),       // malformed first
                arguments("alice@acme.com", false, new Unverified(email("alice@acme.com"))),
                arguments("dan@gmail.com", false, new Unverified(email("dan@gmail.com"))),     // unverified first
                arguments("dan@gmail.com", true, new Personal(email("dan@gmail.com"))),
                arguments("Dan@GMail.com.", true, new Personal(email("Dan@gmail.com"))),
                arguments("dan@mail.gmail.com", true, new Corporate(email("dan@mail.gmail.com"))),
                arguments("alice@acme.com", true, new Corporate(email("alice@acme.com"))),
                arguments(" ALICE@ACME.COM ", true, new Corporate(email("ALICE@acme.com"))),
                arguments("jörg@bücher.de", true, new Corporate(email("jörg@xn--bcher-kva.de"))));
    }

    @ParameterizedTest(name = "\"{0}\", verified {1} → {2}")
    @MethodSource("classification")
    void classifiesBeforeAnyLookup(String raw, boolean verified, EmailCheck expected) {
        assertEquals(expected, EmailCheck.of(raw, verified, IgnoredDomains.builtIn()));
    }
}
