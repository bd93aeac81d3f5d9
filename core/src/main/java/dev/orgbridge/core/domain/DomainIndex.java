package dev.orgbridge.core.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain patterns to values (organizations, typically), answering "whose is this domain?" with the most specific
 * claim: an exact pattern beats a wildcard on the same base, and a deeper base beats a shallower one. For
 * {@code mail.eu.acme.com} the candidates are tried in this order, and the first hit wins:
 * {@code mail.eu.acme.com}, {@code *.mail.eu.acme.com}, {@code *.eu.acme.com}, {@code *.acme.com}.
 *
 * <p>Immutable and thread-safe once built. A lookup costs one hash probe per label of the domain; it never scans
 * the patterns.
 *
 * @param <T> the value a pattern maps to
 */
public final class DomainIndex<T> {

    /** The pattern that decided a lookup, with its value. */
    public record Match<T>(DomainPattern pattern, T value) {
        public Match {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(value, "value");
        }
    }

    /** What one base domain carries: a value for the exact pattern, for the wildcard pattern, or both. */
    private static final class Slot<T> {
        T exact;
        T wildcard;
    }

    private final Map<String, Slot<T>> byBase;
    private final int size;

    private DomainIndex(Map<String, Slot<T>> byBase, int size) {
        this.byBase = byBase;
        this.size = size;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The value of the most specific pattern matching {@code domain}, if any pattern does. */
    public Optional<T> mostSpecific(EmailDomain domain) {
        String ascii = domain.ascii();
        Slot<T> slot = byBase.get(ascii);
        if (slot != null) {
            T value = slot.exact != null ? slot.exact : slot.wildcard;
            if (value != null) {
                return Optional.of(value);
            }
        }
        for (int dot = ascii.indexOf('.'); dot >= 0; dot = ascii.indexOf('.', dot + 1)) {
            if (ascii.indexOf('.', dot + 1) < 0) {
                break; // what is left is a single label, and no pattern has a single-label base
            }
            slot = byBase.get(ascii.substring(dot + 1));
            if (slot != null && slot.wildcard != null) {
                return Optional.of(slot.wildcard);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #mostSpecific}, also telling which pattern matched (for logs and admin answers). */
    public Optional<Match<T>> mostSpecificMatch(EmailDomain domain) {
        String ascii = domain.ascii();
        Slot<T> slot = byBase.get(ascii);
        if (slot != null) {
            if (slot.exact != null) {
                return Optional.of(new Match<>(DomainPattern.exact(domain), slot.exact));
            }
            if (slot.wildcard != null) {
                return Optional.of(new Match<>(DomainPattern.withSubdomains(domain), slot.wildcard));
            }
        }
        Optional<EmailDomain> parent = domain.parent();
        while (parent.isPresent()) {
            EmailDomain base = parent.get();
            slot = byBase.get(base.ascii());
            if (slot != null && slot.wildcard != null) {
                return Optional.of(new Match<>(DomainPattern.withSubdomains(base), slot.wildcard));
            }
            parent = base.parent();
        }
        return Optional.empty();
    }

    /** How many patterns the index holds. */
    public int size() {
        return size;
    }

    /** Collects patterns; not thread-safe. Each pattern may be put once. */
    public static final class Builder<T> {

        private final Map<String, Slot<T>> byBase = new HashMap<>();
        private int size;
        private boolean built;

        private Builder() {
        }

        /**
         * Adds {@code pattern → value}.
         *
         * @throws IllegalArgumentException if the same pattern was put before ({@code acme.com} and
         *                                  {@code *.acme.com} are different patterns)
         */
        public Builder<T> put(DomainPattern pattern, T value) {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(value, "value");
            if (built) {
                throw new IllegalStateException("DomainIndex.Builder was already built");
            }
            Slot<T> slot = byBase.computeIfAbsent(pattern.base().ascii(), base -> new Slot<>());
            if ((pattern.wildcard() ? slot.wildcard : slot.exact) != null) {
                throw new IllegalArgumentException("Domain pattern " + pattern + " was put twice");
            }
            if (pattern.wildcard()) {
                slot.wildcard = value;
            } else {
                slot.exact = value;
            }
            size++;
            return this;
        }

        /** The index; the builder cannot be used afterwards. */
        public DomainIndex<T> build() {
            if (built) {
                throw new IllegalStateException("DomainIndex.Builder was already built");
            }
            built = true;
            // The builder's map is handed over, never mutated again, and published through a final field.
            return new DomainIndex<>(byBase, size);
        }
    }
}
