package dev.orgbridge.core.sso;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One user to create, as a valid file row gives it. Usernames and emails are lower case, as Keycloak stores them.
 *
 * @param groups group paths, e.g. {@code /teams/Sales}; the file separates them with {@code ;}
 */
public record ImportRow(long line, String username, Optional<String> email, Optional<String> firstName,
                        Optional<String> lastName, Optional<SsoIdentifier> ssoIdentifier, List<String> groups,
                        boolean enabled) {

    public ImportRow {
        Objects.requireNonNull(username, "username");
        username = username.toLowerCase(Locale.ROOT);
        email = email.map(e -> e.toLowerCase(Locale.ROOT));
        groups = List.copyOf(groups);
    }
}
