package dev.orgbridge.core.provisioning;

/**
 * The worker's next step in walking a re-sync job: users first, then, for a SCIM target that pushes groups, the
 * realm's groups, but only once every user delivery the job queued has settled, so that each group is sent with the
 * members the target holds by then (a member's own delivery comes first).
 *
 * <table>
 * <caption>The next step</caption>
 * <tr><th>Every user looked at</th><th>Target pushes groups</th><th>Groups begun</th>
 *     <th>Job's deliveries pending</th><th>Step</th></tr>
 * <tr><td>no</td><td>any</td><td>any</td><td>any</td><td>{@link #USERS}: the next page of users</td></tr>
 * <tr><td>yes</td><td>no</td><td>any</td><td>any</td><td>{@link #END}: the walk is over</td></tr>
 * <tr><td>yes</td><td>yes</td><td>no</td><td>some</td><td>{@link #WAIT}: look again next pass</td></tr>
 * <tr><td>yes</td><td>yes</td><td>no</td><td>none</td><td>{@link #GROUPS}: the first page of groups</td></tr>
 * <tr><td>yes</td><td>yes</td><td>yes</td><td>any</td><td>{@link #GROUPS}: the next page of groups</td></tr>
 * </table>
 */
public enum ResyncStep {
    USERS, WAIT, GROUPS, END;

    /**
     * @param groupsBegun       whether a page of groups was walked already (its calls may be pending: no waiting)
     * @param pendingDeliveries the job's deliveries not yet settled
     */
    public static ResyncStep next(boolean usersWalked, boolean pushesGroups, boolean groupsBegun,
                                  long pendingDeliveries) {
        if (pendingDeliveries < 0) {
            throw new IllegalArgumentException("pending deliveries must be at least 0");
        }
        if (!usersWalked) {
            return USERS;
        }
        if (!pushesGroups) {
            return END;
        }
        return pendingDeliveries > 0 && !groupsBegun ? WAIT : GROUPS;
    }
}
