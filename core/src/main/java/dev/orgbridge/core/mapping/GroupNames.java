package dev.orgbridge.core.mapping;

/** Which asserted values may become the name of a group a mapper creates. */
public final class GroupNames {

    private GroupNames() {
    }

    /**
     * A clean value (see {@link AssertedValues}) that reads as one name: no {@code /} (Keycloak's path separator),
     * not {@code .} or {@code ..}.
     */
    public static boolean creatable(String value) {
        return !value.isEmpty() && value.indexOf('/') < 0 && !value.equals(".") && !value.equals("..");
    }
}
