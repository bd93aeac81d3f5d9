package dev.orgbridge.it.harness;

import org.htmlunit.html.HtmlPage;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;

/** Where a login through the browser ended: signed in to the app, or on a page the user has to read. */
public sealed interface LoginOutcome {

    /** The OIDC app received a code and exchanged it for tokens. */
    record OidcSignIn(AccessTokenResponse tokens, IDToken idToken, AccessToken accessToken) implements LoginOutcome {
    }

    /** The SAML app received a signed assertion. */
    record SamlSignIn(SamlAssertion assertion) implements LoginOutcome {
    }

    /** A page the user stopped on: an error, a form to fill in, a notice. */
    record PageShown(String url, String title, String message, HtmlPage page) implements LoginOutcome {
        @Override
        public String toString() {
            return "page '" + title + "' at " + url + (message.isEmpty() ? "" : " saying '" + message + "'");
        }
    }

    default OidcSignIn asOidcSignIn() {
        if (this instanceof OidcSignIn signIn) {
            return signIn;
        }
        throw new AssertionError("expected to be signed in to the OIDC app, but the browser stopped on " + this);
    }

    default SamlSignIn asSamlSignIn() {
        if (this instanceof SamlSignIn signIn) {
            return signIn;
        }
        throw new AssertionError("expected to be signed in to the SAML app, but the browser stopped on " + this);
    }

    default PageShown asPageShown() {
        if (this instanceof PageShown page) {
            return page;
        }
        throw new AssertionError("expected the browser to stop on a page, but it signed in: " + this);
    }
}
