package dev.orgbridge.validator;

import dev.orgbridge.core.sso.InvalidSsoIdentifierException;
import dev.orgbridge.core.sso.SsoIdentifier;
import dev.orgbridge.support.OrgbridgeProviderFactory;
import dev.orgbridge.support.sso.SsoIdentifierIndex;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code orgbridge-sso-identifier}: the attribute holds a valid SSO identifier that no other
 * user of the realm holds, ignoring case, whitespace around it and Unicode form. It claims the identifier in
 * Orgbridge's index under a row lock, so of two concurrent saves of {@code ABC123} and {@code abc123} exactly one
 * passes; the other gets the error (409). Applies wherever Keycloak validates the user profile: admin console, admin
 * REST create and update, and Orgbridge's bulk import.
 */
public final class SsoIdentifierValidator implements SimpleValidator, ConfiguredProvider,
        OrgbridgeProviderFactory<Validator> {

    public static final String ID = "orgbridge-sso-identifier";
    /** Message keys, in Orgbridge's theme messages (every theme: admin console, account, login). */
    static final String TAKEN = "orgbridgeSsoIdentifierTaken";
    static final String INVALID = "orgbridgeSsoIdentifierInvalid";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context,
                                      ValidatorConfig config) {
        String raw = first(input);
        if (raw == null || raw.isBlank()) {
            return context; // "required" is the attribute's own setting
        }
        SsoIdentifier id;
        try {
            id = SsoIdentifier.parse(raw);
        } catch (InvalidSsoIdentifierException e) {
            context.addError(new ValidationError(ID, inputHint, INVALID));
            return context;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = session.getContext().getRealm();
        AttributeContext attributes = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        UserModel user = attributes.getUser();
        String username = usernameOf(attributes, user);
        if (username != null && new SsoIdentifierIndex(session, inputHint)
                .claim(realm, id, username, user == null ? null : user.getId()).isPresent()) {
            context.addError(new ValidationError(ID, inputHint, TAKEN).setStatusCode(Response.Status.CONFLICT));
        }
        return context;
    }

    /** The username being saved (new users have no model yet); Keycloak stores usernames in lower case. */
    private static String usernameOf(AttributeContext attributes, UserModel user) {
        String saved = attributes.getAttributes() == null ? null
                : attributes.getAttributes().getFirst(UserModel.USERNAME);
        if (saved == null || saved.isBlank()) {
            saved = user == null ? null : user.getUsername();
        }
        return saved == null ? null : saved.strip().toLowerCase(Locale.ROOT);
    }

    private static String first(Object input) {
        if (input instanceof List<?> values) {
            return values.isEmpty() || values.get(0) == null ? null : values.get(0).toString();
        }
        return input == null ? null : input.toString();
    }

    @Override
    public String getHelpText() {
        return "Orgbridge: a valid SSO identifier (what the IdP sends as SAML NameID) that no other user of the realm "
                + "holds, ignoring case.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    // SimpleValidator and OrgbridgeProviderFactory both default these; nothing to set up either way
    @Override
    public void init(Config.Scope config) {
        // no server-level configuration
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // stateless
    }
}
