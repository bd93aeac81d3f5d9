package dev.orgbridge.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Attribute value → one role of an allow-list, the lowest-privilege default otherwise. */
public final class RoleMapping {

    private RoleMapping() {
    }

    public static RoleDecision decide(ValueReading reading, RoleRule rule) {
        List<MappingWarning> warnings = new ArrayList<>(reading.warnings());
        if (reading.denial().isPresent()) {
            return new RoleDecision.Deny(reading.denial().get(), "", warnings);
        }
        if (reading.missing()) {
            return new RoleDecision.Grant(rule.defaultRole(), "", RoleDecision.Cause.DEFAULT, warnings);
        }
        String value = reading.values().get(0);
        Optional<String> role = rule.table().roleFor(value);
        if (role.isPresent()) {
            return new RoleDecision.Grant(role.get(), value, RoleDecision.Cause.ASSERTED, warnings);
        }
        if (rule.unknown() == UnknownRoleAction.DENY) {
            return new RoleDecision.Deny(MappingDenial.UNKNOWN_ROLE, value, warnings);
        }
        warnings.add(new MappingWarning(MappingWarning.Kind.UNKNOWN_ROLE, value));
        return new RoleDecision.Grant(rule.defaultRole(), value, RoleDecision.Cause.UNKNOWN_VALUE, warnings);
    }
}
