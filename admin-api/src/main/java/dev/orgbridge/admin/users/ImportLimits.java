package dev.orgbridge.admin.users;

/**
 * How large an import may be. Over the limits the whole import is refused with 413 before any user is created.
 *
 * @param maxBytes longest upload
 * @param maxRows  most rows (besides the CSV header)
 */
public record ImportLimits(long maxBytes, long maxRows) {

    /**
     * 10 MiB (Keycloak's own limit on a request body, so raising this needs Quarkus' {@code
     * quarkus.http.limits.max-body-size} raised too) and 100,000 rows; see docs/sso-identifier.md.
     */
    public static final ImportLimits DEFAULT = new ImportLimits(10L * 1024 * 1024, 100_000);

    /** Longest field of a row, in characters. */
    static final int MAX_FIELD = 4096;
}
