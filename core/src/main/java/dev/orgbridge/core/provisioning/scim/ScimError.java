package dev.orgbridge.core.provisioning.scim;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An error answer of a SCIM server (RFC 7644 §3.12) as it goes into the provisioning log, and what the client makes
 * of it. The detail is the server's text, so it is made log-safe: control and line-separator characters become spaces
 * (no forged log lines), so do invisible format characters (no bidi tricks), and it is cut to {@link #MAX_DETAIL}
 * characters; a {@code scimType} that is not a plain keyword is dropped.
 *
 * @param status the HTTP status; 0 when no answer came (e.g. the OAuth2 token endpoint was unreachable)
 */
public record ScimError(int status, Optional<String> scimType, Optional<String> detail) {

    /** Longest detail kept, in characters. */
    public static final int MAX_DETAIL = 200;
    private static final int MAX_SCIM_TYPE = 40;
    /** The 400 keywords of a PATCH the server could not apply as written, where a PUT of the resource may work. */
    private static final Set<String> PATCH_NOT_APPLICABLE = Set.of("invalidsyntax", "invalidpath", "notarget");

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(status, keyword(scimType), logSafe(detail));
    }

    /**
     * Whether the server refused a PATCH in a way a PUT of the whole resource may get past: PATCH not offered (405,
     * 501), or a 400 saying the operations could not be read or applied ({@code invalidSyntax}, {@code invalidPath},
     * {@code noTarget}, or no keyword at all). A 400 about the values themselves ({@code invalidValue},
     * {@code uniqueness}, {@code mutability}) would refuse the PUT too, so it does not count.
     */
    public boolean refusesPatch() {
        if (status == 405 || status == 501) {
            return true;
        }
        return status == 400 && scimType.map(type -> PATCH_NOT_APPLICABLE.contains(type.toLowerCase(Locale.ROOT)))
                .orElse(true);
    }

    /** A create refused because such a resource exists: 409 with {@code uniqueness}, or with no keyword. */
    public boolean conflict() {
        return status == 409 && scimType.map("uniqueness"::equalsIgnoreCase).orElse(true);
    }

    /** A 400 {@code noTarget}: the path of the operation matched nothing, e.g. a member not in the group. */
    public boolean noTarget() {
        return status == 400 && scimType.map("noTarget"::equalsIgnoreCase).orElse(false);
    }

    /** {@code HTTP 409 uniqueness: userName exists}, for the provisioning log. */
    public String describe() {
        return (status == 0 ? "no answer" : "HTTP " + status) + scimType.map(type -> " " + type).orElse("")
                + detail.map(text -> ": " + text).orElse("");
    }

    @Override
    public String toString() {
        return "ScimError[" + describe() + "]";
    }

    private static Optional<String> keyword(String scimType) {
        if (scimType == null || scimType.isEmpty() || scimType.length() > MAX_SCIM_TYPE
                || !scimType.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return Optional.empty();
        }
        return Optional.of(scimType);
    }

    private static Optional<String> logSafe(String detail) {
        if (detail == null || detail.isBlank()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        boolean cut = false;
        for (int codePoint : detail.strip().codePoints().toArray()) {
            if (out.length() + Character.charCount(codePoint) > MAX_DETAIL) {
                cut = true; // whole characters only: never half a surrogate pair
                break;
            }
            boolean unsafe = Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029
                    || Character.getType(codePoint) == Character.SURROGATE // a lone surrogate
                    || Character.getType(codePoint) == Character.FORMAT; // bidi overrides could disguise the line
            out.appendCodePoint(unsafe ? ' ' : codePoint);
        }
        return Optional.of(cut ? out + "…" : out.toString());
    }
}
