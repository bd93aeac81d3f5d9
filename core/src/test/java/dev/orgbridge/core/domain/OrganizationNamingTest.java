package dev.orgbridge.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrganizationNamingTest {

    private static final EmailDomain ACME = EmailDomain.parse("acme.com");

    static Stream<Arguments> names() {
        return Stream.of(
                // organization claim           → name
                arguments(Optional.of("Acme Corporation"), "Acme Corporation"),
                arguments(Optional.of("  Acme Corporation \n"), "Acme Corporation"),
                arguments(Optional.of("Acme\nCorporation"), "Acme Corporation"),        // whitespace runs: one space
                arguments(Optional.of("Acme \t\r\n Corporation"), "Acme Corporation"),
                arguments(Optional.of("Acme\u0000Corp\u0007oration"), "AcmeCorporation"), // control characters go
                arguments(Optional.of("Mu\u0308ller GmbH"), "Müller GmbH"),             // NFC
                arguments(Optional.of("a".repeat(300)), "a".repeat(255)),               // cut to 255
                arguments(Optional.of("a".repeat(254) + "\ud83d\ude00"), "a".repeat(254)), // never half an emoji
                arguments(Optional.of("a".repeat(254) + " b"), "a".repeat(254)),
                arguments(Optional.of(""), "acme.com"),                                 // blank: the domain
                arguments(Optional.of(" \t "), "acme.com"),
                arguments(Optional.of("\u0000"), "acme.com"),
                arguments(Optional.empty(), "acme.com"));
    }

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @MethodSource("names")
    void nameComesFromTheClaimElseTheDomain(Optional<String> claim, String name) {
        assertEquals(name, OrganizationNaming.name(claim, ACME));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            acme.com,         acme.com
            xn--bcher-kva.de, bücher.de
            BÜCHER.de,        bücher.de
            """)
    void withoutAClaimTheNameIsTheDomainAsPeopleWriteIt(String domain, String name) {
        assertEquals(name, OrganizationNaming.name(Optional.empty(), EmailDomain.parse(domain)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            acme.com,          acme-com
            mail.eu.acme.com,  mail-eu-acme-com
            acme.co.uk,        acme-co-uk
            bücher.de,         xn--bcher-kva-de
            """)
    void aliasIsTheAsciiDomainWithDashes(String domain, String alias) {
        assertEquals(alias, OrganizationNaming.alias(EmailDomain.parse(domain)));
    }
}
