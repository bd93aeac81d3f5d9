package dev.orgbridge.core.sso;

import java.util.Locale;

/** Why a bulk-import row creates no user. Stable codes: clients match on them; {@link #message()} is for people. */
public enum ImportRejection {
    /** The row has more or fewer fields than the header. */
    WRONG_COLUMN_COUNT("has a different number of fields than the header"),
    /** No username. */
    USERNAME_MISSING("has no username"),
    /** A username Keycloak cannot store (over 255 characters, control characters). */
    USERNAME_INVALID("has a username Keycloak cannot store"),
    /** The email does not parse. */
    EMAIL_INVALID("has an invalid email"),
    /** The SSO identifier is empty after trimming, too long, or holds control characters. */
    SSO_IDENTIFIER_INVALID("has an invalid SSO identifier"),
    /** {@code enabled} is neither true nor false. */
    ENABLED_INVALID("has an enabled value other than true or false"),
    /** An earlier row of the file has the same username. */
    USERNAME_DUPLICATE_IN_FILE("repeats the username of an earlier row"),
    /** An earlier row of the file has the same email. */
    EMAIL_DUPLICATE_IN_FILE("repeats the email of an earlier row"),
    /** An earlier row of the file has the same SSO identifier, ignoring case. */
    SSO_IDENTIFIER_DUPLICATE_IN_FILE("repeats the SSO identifier of an earlier row (ignoring case)"),
    /** A user of the realm has this username (checked by the adapter). */
    USERNAME_EXISTS("names a username that already exists"),
    /** A user of the realm has this email (checked by the adapter). */
    EMAIL_EXISTS("names an email that already exists"),
    /** A user of the realm has this SSO identifier, ignoring case (checked by the adapter). */
    SSO_IDENTIFIER_EXISTS("names an SSO identifier another user already has"),
    /** A group path that does not exist in the realm (checked by the adapter). */
    GROUP_NOT_FOUND("names a group that does not exist"),
    /** The realm's user profile refuses the row for another reason, e.g. a required attribute (adapter). */
    PROFILE_INVALID("is refused by the realm's user profile");

    private final String message;

    ImportRejection(String message) {
        this.message = message;
    }

    /** The stable code, e.g. {@code sso_identifier_exists}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the row does wrong, as in "row 12 repeats the username of an earlier row". */
    public String message() {
        return message;
    }
}
