package dev.orgbridge.delivery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** This machine as the tests of outbound calls need it: a port nobody listens on, a name that resolves here. */
public final class LocalNetwork {

    private LocalNetwork() {
    }

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This machine's own name, which passes a URL check (it is a name) and then resolves to a loopback or private
     * address; the test is skipped where the machine has no such name.
     */
    public static String ownNameResolvingHere() {
        try {
            String ownName = InetAddress.getLocalHost().getHostName();
            InetAddress resolved = InetAddress.getByName(ownName);
            assumeTrue(!ownName.equalsIgnoreCase("localhost")
                    && (resolved.isSiteLocalAddress() || resolved.isLoopbackAddress()),
                    "needs a host name of this machine");
            return ownName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
