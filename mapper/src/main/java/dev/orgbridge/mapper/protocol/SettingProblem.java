package dev.orgbridge.mapper.protocol;

import dev.orgbridge.support.config.InvalidSettingsException;

/**
 * A setting of a protocol mapper that cannot work, and what the mapper does instead: it never fails the token or
 * assertion, it leaves out what the setting feeds.
 *
 * @param error       names the mapper and the option
 * @param consequence for the log, e.g. {@code role left out}
 */
record SettingProblem(InvalidSettingsException error, String consequence) {

    String option() {
        return error.option();
    }

    String message() {
        return error.getMessage() + "; " + consequence;
    }
}
