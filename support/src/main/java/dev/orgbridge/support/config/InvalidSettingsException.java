package dev.orgbridge.support.config;

/** A setting that cannot work; the message names the provider and the option. */
public final class InvalidSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String option;

    InvalidSettingsException(String subject, String option, String problem) {
        super("Orgbridge " + subject + " option " + option + " " + problem);
        this.option = option;
    }

    /** The config key of the option at fault. */
    public String option() {
        return option;
    }
}
