package dev.orgbridge.delivery;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.TruststoreProvider;

/** TLS for calls to targets: trusts what Keycloak's truststore trusts (the {@code truststore-paths} option). */
public final class TargetTls {

    private TargetTls() {
    }

    public static SSLContext of(KeycloakSession session) {
        TruststoreProvider truststore = session.getProvider(TruststoreProvider.class);
        KeyStore trusted = truststore == null ? null : truststore.getTruststore();
        try {
            if (trusted == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with Keycloak's truststore", e);
        }
    }
}
