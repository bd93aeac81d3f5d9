package dev.orgbridge.delivery.targets;

import dev.orgbridge.delivery.TargetTls;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of a kind of target reached over HTTP: it owns the node's one client for all targets of its kind, made
 * once Keycloak is up (TLS from Keycloak's truststore) with the timeouts of the server options
 * {@code --spi-orgbridge-provisioning-target--<kind>--connect-timeout-millis} (default 5000) and
 * {@code …--read-timeout-millis} (default 10000), and closed when Keycloak stops.
 *
 * @param <C> the client
 */
abstract class HttpTargetFactory<C extends AutoCloseable> extends AbstractTargetFactory {

    static final String USER_AGENT = "Orgbridge/" + HttpTargetFactory.class.getPackage().getImplementationVersion();

    private volatile C client;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);

    HttpTargetFactory(String id, String helpText, List<ProviderConfigProperty> options) {
        super(id, helpText, options);
    }

    /** Makes the client every target of this kind shares. */
    abstract C openClient(Duration connect, Duration read, SSLContext ssl);

    /** The node's client, for the targets this factory makes (present once Keycloak is up). */
    final Supplier<C> client() {
        return () -> client;
    }

    @Override
    public final void init(Config.Scope config) {
        connectTimeout = Duration.ofMillis(config.getInt("connectTimeoutMillis", 5000));
        readTimeout = Duration.ofMillis(config.getInt("readTimeoutMillis", 10000));
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> client = openClient(connectTimeout, readTimeout,
                TargetTls.of(session)));
    }

    @Override
    public final void close() {
        C open = client;
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                // shutting down: nothing left to do with it
            }
        }
    }
}
