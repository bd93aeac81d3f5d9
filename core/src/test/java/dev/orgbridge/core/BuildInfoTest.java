package dev.orgbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionsAreFilledInByTheBuild() {
        BuildInfo info = BuildInfo.current();

        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), info.version());
        assertTrue(info.keycloakVersion().matches("\\d+\\.\\d+\\.\\d+"), info.keycloakVersion());
    }

    @Test
    void serverInfoShowsBothVersions() {
        BuildInfo info = new BuildInfo("1.2.3", "26.7.3");

        assertEquals("1.2.3", info.operationalInfo().get("orgbridge-version"));
        assertEquals("26.7.3", info.operationalInfo().get("built-for-keycloak"));
    }
}
