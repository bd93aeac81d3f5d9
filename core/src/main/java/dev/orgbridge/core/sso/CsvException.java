package dev.orgbridge.core.sso;

import java.util.Locale;

/** A CSV file that cannot be read on: where, and why. The whole import answers 400 with this message. */
public final class CsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file's text. */
    public enum Problem {
        /** A quoted field never ends. */
        UNTERMINATED_QUOTE,
        /** Text follows a field's closing quote, e.g. {@code "a"b,c}. */
        TEXT_AFTER_QUOTE,
        /** A field longer than the limit. */
        FIELD_TOO_LONG,
        /** A record with more fields than the limit. */
        TOO_MANY_FIELDS
    }

    private final long line;
    private final Problem problem;

    CsvException(long line, Problem problem) {
        super("CSV line " + line + ": " + problem.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        this.line = line;
        this.problem = problem;
    }

    /** The line the record with the problem starts on, from 1. */
    public long line() {
        return line;
    }

    public Problem problem() {
        return problem;
    }
}
