package dev.orgbridge.core.provisioning.scim;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a re-sync makes a SCIM target hold of one Keycloak group: its members set to exactly the group's members the
 * target receives and holds (by the target's ids), so a member removed downstream comes back and one added there
 * (or left over) goes.
 *
 * <table>
 * <caption>The call for one group</caption>
 * <tr><th>Members in the target's scope that it holds</th><th>Target holds the group</th><th>Call</th></tr>
 * <tr><td>some</td><td>any</td><td>create or adopt the group, set its members to them</td></tr>
 * <tr><td>none</td><td>yes</td><td>update the group, set its members to none</td></tr>
 * <tr><td>none</td><td>no</td><td>nothing: the target never had it</td></tr>
 * </table>
 *
 * <p>A member the target does not hold (never delivered, or its delivery failed) is left out: it cannot be named by
 * the target's id.
 */
public final class ScimGroupMembers {

    private ScimGroupMembers() {
    }

    /**
     * One member of the Keycloak group, as the target sees it.
     *
     * @param inScope  whether the target receives the user
     * @param remoteId the target's id of the user; null when it holds none
     */
    public record Member(boolean inScope, String remoteId) {
    }

    /**
     * The members to set (the target's ids, sorted, each once); empty when nothing is to be sent.
     *
     * @param groupHeld whether the target holds the group (Orgbridge sent it before)
     */
    public static Optional<List<String>> of(boolean groupHeld, Iterable<Member> members) {
        TreeSet<String> ids = new TreeSet<>();
        for (Member member : members) {
            if (member.inScope() && member.remoteId() != null) {
                ids.add(member.remoteId());
            }
        }
        return ids.isEmpty() && !groupHeld ? Optional.empty() : Optional.of(List.copyOf(ids));
    }
}
