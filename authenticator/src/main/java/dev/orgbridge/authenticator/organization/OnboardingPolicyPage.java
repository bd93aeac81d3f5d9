package dev.orgbridge.authenticator.organization;

import dev.orgbridge.support.OrgbridgeProviderFactory;
import java.util.List;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * The admin console page "Orgbridge onboarding" where a realm's organization-onboarding policy is edited.
 * Each saved policy is a realm component: validated when saved, cached cluster-wide, exported with the realm.
 */
public final class OnboardingPolicyPage
        implements UiPageProviderFactory<ComponentModel>, OrgbridgeProviderFactory<UiPageProvider> {

    public static final String PROVIDER_ID = "orgbridge-onboarding-policy";

    /** The policy the realm's Orgbridge login steps follow: its first policy component by name, else the defaults. */
    public static OnboardingSettings settingsOf(RealmModel realm) {
        return policyOf(realm).map(c -> OnboardingSettings.parse(c.getConfig())).orElseGet(OnboardingSettings::defaults);
    }

    static Optional<ComponentModel> policyOf(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> PROVIDER_ID.equals(c.getProviderId()))
                .min((a, b) -> a.getName().compareTo(b.getName()));
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        OnboardingSettings settings;
        try {
            settings = OnboardingSettings.parse(model.getConfig());
        } catch (OnboardingSettings.InvalidSettingsException e) {
            throw new ComponentValidationException(e.getMessage());
        }
        for (String alias : settings.policy().idpsAllowedToCreate()) {
            if (session.identityProviders().getByAlias(alias) == null) {
                throw new ComponentValidationException("Orgbridge onboarding option "
                        + OnboardingSettings.IDPS_ALLOWED_TO_CREATE + " names " + alias
                        + ", which is not an identity provider of this realm");
            }
        }
        Optional<String> fallback = settings.policy().fallbackOrganization();
        if (fallback.isPresent() && session.getProvider(OrganizationProvider.class).getByAlias(fallback.get()) == null) {
            throw new ComponentValidationException("Orgbridge onboarding option "
                    + OnboardingSettings.FALLBACK_ORGANIZATION + " names " + fallback.get()
                    + ", which is not an organization alias of this realm");
        }
    }

    @Override
    public String getHelpText() {
        return "How users logging in through a customer's identity provider join organizations: which email domains "
                + "are personal mail, what happens to unverified and personal emails, and whether unknown company "
                + "domains create organizations.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return OnboardingSettings.PROPERTIES;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
