package dev.orgbridge.core.provisioning.scim;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a Keycloak user becomes a SCIM User resource. The fixed fields come from the user itself:
 *
 * <table>
 * <caption>Fixed fields</caption>
 * <tr><th>SCIM</th><th>Keycloak</th></tr>
 * <tr><td>{@code externalId}</td><td>user id</td></tr>
 * <tr><td>{@code userName}</td><td>username, or email ({@link UserNameSource})</td></tr>
 * <tr><td>{@code name.givenName}, {@code name.familyName}</td><td>first name, last name</td></tr>
 * <tr><td>{@code displayName}</td><td>first and last name, or the userName when both are empty</td></tr>
 * <tr><td>{@code emails}</td><td>the email, as the one primary work address</td></tr>
 * <tr><td>{@code active}</td><td>enabled</td></tr>
 * </table>
 *
 * <p>Each {@link ScimAttribute} in {@link #attributes()} is filled from a user attribute (its first value). An admin
 * writes {@code scimPath=userAttribute} pairs; they change the {@link #DEFAULTS}, and {@code scimPath=} with nothing
 * after the {@code =} turns a default off.
 */
public record ScimUserMapping(UserNameSource userNameFrom, Map<ScimAttribute, String> attributes) {

    /** SCIM attribute ← user attribute, unless configured otherwise: the attributes Orgbridge's demo realm declares. */
    public static final Map<ScimAttribute, String> DEFAULTS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            ScimAttribute.USER_TYPE, "userType",
            ScimAttribute.TITLE, "title",
            ScimAttribute.EMPLOYEE_NUMBER, "employeeNumber",
            ScimAttribute.DEPARTMENT, "division")));

    public static final ScimUserMapping DEFAULT = new ScimUserMapping(UserNameSource.USERNAME, DEFAULTS);

    public ScimUserMapping {
        Objects.requireNonNull(userNameFrom, "userNameFrom");
        Map<ScimAttribute, String> copy = new EnumMap<>(ScimAttribute.class);
        copy.putAll(attributes);
        attributes = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads {@code scimPath=userAttribute} pairs over the defaults.
     *
     * @throws InvalidScimMappingException for a pair without {@code =}, a path Orgbridge does not map, a path twice
     */
    public static ScimUserMapping parse(UserNameSource userNameFrom, List<String> pairs) {
        Map<ScimAttribute, String> attributes = new EnumMap<>(DEFAULTS);
        Set<ScimAttribute> seen = EnumSet.noneOf(ScimAttribute.class);
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new InvalidScimMappingException("'" + pair + "' is not scimPath=userAttribute");
            }
            String path = pair.substring(0, equals).strip();
            String userAttribute = pair.substring(equals + 1).strip();
            ScimAttribute attribute = ScimAttribute.fromPath(path).orElseThrow(() -> new InvalidScimMappingException(
                    "'" + pair + "' names " + (path.isEmpty() ? "no SCIM path" : path + ", which is not a SCIM path "
                            + "filled from a user attribute") + "; those are " + Arrays.stream(ScimAttribute.values())
                            .map(ScimAttribute::attributeName).collect(Collectors.joining(", "))));
            if (!seen.add(attribute)) {
                throw new InvalidScimMappingException("'" + pair + "' maps " + attribute.attributeName()
                        + " a second time");
            }
            if (userAttribute.isEmpty()) {
                attributes.remove(attribute);
            } else {
                attributes.put(attribute, userAttribute);
            }
        }
        return new ScimUserMapping(userNameFrom, attributes);
    }

    /** The user as a SCIM resource; blank names and email count as none. */
    public ScimUser map(ScimUserSource user) {
        String email = blankToNull(user.email());
        String givenName = blankToNull(user.firstName());
        String familyName = blankToNull(user.lastName());
        String userName = userNameFrom == UserNameSource.EMAIL && email != null ? email : user.username();
        String fullName = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        Map<ScimAttribute, Optional<String>> values = new EnumMap<>(ScimAttribute.class);
        attributes.forEach((attribute, userAttribute) -> values.put(attribute, user.attribute(userAttribute)));
        return new ScimUser(user.id(), userName, fullName.isEmpty() ? userName : fullName, givenName, familyName,
                email, user.enabled(), values);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
