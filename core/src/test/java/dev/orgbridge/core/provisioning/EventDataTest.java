package dev.orgbridge.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventDataTest {

    private static final UserData JDOE = new UserData("u1", "jdoe", "jdoe@acme.com", "Jane", "Doe", true, true);

    @Test
    void theFingerprintIsEqualForEqualContent() {
        assertEquals(new EventData.UserState(JDOE).fingerprint(),
                new EventData.UserState(new UserData("u1", "jdoe", "jdoe@acme.com", "Jane", "Doe", true, true))
                        .fingerprint());
    }

    @Test
    void anyChangeAReceiverSeesChangesTheFingerprint() {
        String before = new EventData.UserState(JDOE).fingerprint();

        assertNotEquals(before, new EventData.UserState(new UserData("u1", "jdoe", "jdoe@acme.com", "Jane", "Doe",
                false, true)).fingerprint());
        assertNotEquals(before, new EventData.UserState(new UserData("u1", "jdoe", null, "Jane", "Doe", true, true))
                .fingerprint());
        assertNotEquals(before, new EventData.UserDeleted(JDOE.ref()).fingerprint());
    }

    @Test
    void theFingerprintIsSha256InHex() {
        assertTrue(new EventData.UserState(JDOE).fingerprint().matches("[0-9a-f]{64}"));
    }
}
