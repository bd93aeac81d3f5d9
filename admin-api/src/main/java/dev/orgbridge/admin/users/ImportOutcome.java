package dev.orgbridge.admin.users;

import dev.orgbridge.core.sso.ImportRejection;

/**
 * What became of one row: created (or, in a dry run, would be), or rejected with a reason.
 *
 * @param line        the CSV line, or the JSON element's position (from 1)
 * @param userId      the new user's id (created rows of a real import)
 * @param earlierLine for a duplicate inside the file, the row it repeats
 */
record ImportOutcome(long line, String status, String username, String userId, ImportRejection reason,
                     Long earlierLine) {

    static ImportOutcome created(long line, String username, String userId) {
        return new ImportOutcome(line, "created", username, userId, null, null);
    }

    static ImportOutcome valid(long line, String username) {
        return new ImportOutcome(line, "valid", username, null, null, null);
    }

    static ImportOutcome rejected(long line, String username, ImportRejection reason, Long earlierLine) {
        return new ImportOutcome(line, "rejected", username, null, reason, earlierLine);
    }

    boolean rejected() {
        return reason != null;
    }
}
