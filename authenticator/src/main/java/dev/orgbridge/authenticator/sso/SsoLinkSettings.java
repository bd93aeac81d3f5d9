package dev.orgbridge.authenticator.sso;

import dev.orgbridge.support.config.SettingsReader;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of "Orgbridge: link by SSO identifier". */
record SsoLinkSettings(String attribute, String oidcClaim, NoMatch noMatch) {

    /** What happens when no user holds the identifier the IdP sent. */
    enum NoMatch {
        /** Go on to the next step (e.g. just-in-time creation). */
        CONTINUE,
        /** Stop with a page asking the user to have their administrator set their SSO identifier. */
        DENY
    }

    static final String ATTRIBUTE = "attribute";
    static final String OIDC_CLAIM = "oidcClaim";
    static final String NO_MATCH = "noMatch";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ATTRIBUTE).label("SSO identifier attribute")
            .helpText("The user-profile attribute holding users' SSO identifiers (give it the validator "
                    + "orgbridge-sso-identifier).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("ssoIdentifier").add()
            .property().name(OIDC_CLAIM).label("OIDC claim")
            .helpText("For OpenID Connect identity providers: the claim compared with the SSO identifier. SAML "
                    + "identity providers always compare the assertion's NameID.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("sub").add()
            .property().name(NO_MATCH).label("No user with that identifier")
            .helpText("continue: the next step runs (e.g. create the user). deny: a page asks the user to have their "
                    + "administrator set their SSO identifier.")
            .type(ProviderConfigProperty.LIST_TYPE).options(SettingsReader.options(NoMatch.values()))
            .defaultValue(SettingsReader.option(NoMatch.CONTINUE)).add()
            .build();

    static SsoLinkSettings of(AuthenticatorConfigModel config) {
        return parse(config == null ? Map.of() : config.getConfig());
    }

    static SsoLinkSettings parse(Map<String, String> config) {
        SettingsReader settings = SettingsReader.of("SSO identifier link", config);
        return new SsoLinkSettings(settings.text(ATTRIBUTE).orElse("ssoIdentifier"),
                settings.text(OIDC_CLAIM).orElse("sub"),
                settings.choice(NO_MATCH, NoMatch.values(), NoMatch.CONTINUE));
    }
}
