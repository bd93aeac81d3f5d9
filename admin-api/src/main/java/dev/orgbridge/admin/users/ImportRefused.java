package dev.orgbridge.admin.users;

import jakarta.ws.rs.core.Response;

/** An import refused as a whole, before any user was created: 400 (malformed) or 413 (too large). */
final class ImportRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Response.Status status;

    ImportRefused(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    Response.Status status() {
        return status;
    }
}
