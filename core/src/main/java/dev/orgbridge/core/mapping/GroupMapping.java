package dev.orgbridge.core.mapping;

import dev.orgbridge.core.mapping.GroupChoice.Cause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attribute values → groups of one scope, by exact name. */
public final class GroupMapping {

    private GroupMapping() {
    }

    /**
     * Selects the group each value names in the scope; the default group when the attribute is missing. A value
     * names a group only by its name: {@code a/b}, {@code ..} or {@code /admins} match a group of that literal name in
     * the scope or nothing, and are never created.
     */
    public static GroupPlan plan(ValueReading reading, GroupRule rule, GroupScope scope) {
        List<MappingWarning> warnings = new ArrayList<>(reading.warnings());
        if (reading.denial().isPresent()) {
            return new GroupPlan.Deny(reading.denial().get(), "", warnings);
        }
        Cause cause = reading.missing() ? Cause.DEFAULT : Cause.ASSERTED;
        List<String> values = reading.missing() ? rule.defaultGroup().stream().toList() : reading.values();
        Map<String, GroupChoice> chosen = new LinkedHashMap<>();
        for (String value : values) {
            Optional<GroupRef> match = match(value, rule.ignoreCase(), scope, warnings);
            if (match.isPresent()) {
                chosen.putIfAbsent("id:" + match.get().id(), GroupChoice.of(match.get(), value, cause));
            } else if (!warnedAmbiguous(warnings, value)) {
                switch (rule.unknown()) {
                    case IGNORE -> warnings.add(new MappingWarning(MappingWarning.Kind.UNKNOWN_GROUP, value));
                    case DENY -> {
                        return new GroupPlan.Deny(MappingDenial.UNKNOWN_GROUP, value, warnings);
                    }
                    case CREATE -> {
                        if (GroupNames.creatable(value)) {
                            chosen.putIfAbsent("new:" + value, GroupChoice.toCreate(value, cause));
                        } else {
                            warnings.add(new MappingWarning(MappingWarning.Kind.NOT_A_GROUP_NAME, value));
                        }
                    }
                }
            }
        }
        return new GroupPlan.Assign(List.copyOf(chosen.values()), warnings);
    }

    private static Optional<GroupRef> match(String value, boolean ignoreCase, GroupScope scope,
                                            List<MappingWarning> warnings) {
        List<GroupRef> candidates = scope.named(value, ignoreCase);
        List<GroupRef> exact = candidates.stream().filter(group -> group.name().equals(value)).toList();
        List<GroupRef> matching = !exact.isEmpty() || !ignoreCase ? exact
                : candidates.stream().filter(group -> group.name().equalsIgnoreCase(value)).toList();
        if (matching.size() == 1) {
            return Optional.of(matching.get(0));
        }
        if (matching.size() > 1) {
            warnings.add(new MappingWarning(MappingWarning.Kind.AMBIGUOUS_GROUP, value));
        }
        return Optional.empty();
    }

    private static boolean warnedAmbiguous(List<MappingWarning> warnings, String value) {
        return warnings.contains(new MappingWarning(MappingWarning.Kind.AMBIGUOUS_GROUP, value));
    }
}
