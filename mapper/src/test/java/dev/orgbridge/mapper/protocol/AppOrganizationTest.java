package dev.orgbridge.mapper.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which of its domains an organization hands to the app for a user. */
class AppOrganizationTest {

    static Stream<Arguments> domains() {
        return Stream.of(
                // organization's domains                    user's email              → domain emitted
                arguments(List.of("globex.com"), "carol@globex.com", Optional.of("globex.com")),
                arguments(List.of("globex.io", "globex.com"), "carol@globex.io", Optional.of("globex.io")),
                arguments(List.of("globex.io", "globex.com"), "carol@GLOBEX.IO", Optional.of("globex.io")),
                arguments(List.of("globex.io", "globex.com"), "carol@globex.io.", Optional.of("globex.io")),
                arguments(List.of("xn--bcher-kva.de", "globex.com"), "b@bücher.de", Optional.of("xn--bcher-kva.de")),
                arguments(List.of("globex.io", "globex.com"), "carol@gmail.com", Optional.of("globex.com")),
                arguments(List.of("globex.io", "globex.com"), "carol@eu.globex.io", Optional.of("globex.com")),
                arguments(List.of("globex.io", "globex.com"), "not an address", Optional.of("globex.com")),
                arguments(List.of("globex.io", "globex.com"), null, Optional.of("globex.com")),
                arguments(List.of("b.example", "a.example", "c.example"), null, Optional.of("a.example")),
                arguments(List.of(), "carol@globex.com", Optional.empty()));
    }

    @ParameterizedTest(name = "{0} for {1} → {2}")
    @MethodSource("domains")
    void theUsersOwnDomainElseTheFirstAlphabetically(List<String> organizationDomains, String email,
                                                     Optional<String> expected) {
        assertEquals(expected, AppOrganization.domainFor(organizationDomains, email));
    }
}
