package dev.orgbridge.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.htmlunit.BrowserVersion;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

/**
 * A user's browser (HtmlUnit, JavaScript off, as a plain form-posting browser): logs in to the SaaS app through
 * the broker realm and one of the customer's identity providers, and reports where it ended.
 * One instance is one browser profile (its own cookies); close it after the test.
 */
public final class Browser implements AutoCloseable {

    /** More hops than any Keycloak login takes; a loop beyond it is a bug worth failing on. */
    private static final int MAX_AUTO_POSTS = 10;

    private final WebClient web;
    private final HttpClient backChannel = HttpClient.newHttpClient();

    public Browser() {
        web = new WebClient(BrowserVersion.FIREFOX);
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setRedirectEnabled(true);
    }

    /**
     * SP-initiated: the user opens the OIDC app, is sent to the broker's login page, picks the customer's IdP,
     * and logs in there.
     */
    public LoginOutcome logInToApp(CustomerIdp idp, CustomerUser user) {
        String state = UUID.randomUUID().toString();
        String authUrl = brokerUrl("/protocol/openid-connect/auth") + "?" + form(Map.of(
                "client_id", BrokerRealm.OIDC_APP,
                "redirect_uri", AppLanding.get().oidcCallback(),
                "response_type", "code",
                "scope", "openid",
                "state", state,
                "nonce", UUID.randomUUID().toString()));
        HtmlPage brokerLogin = open(authUrl);
        DomElement idpButton = brokerLogin.getElementById("social-" + idp.alias());
        if (idpButton == null) {
            // Keycloak hides an IdP linked to an organization from the login page; an app that knows its
            // customer's IdP names it with kc_idp_hint, as SaaS apps do
            return logInAtCustomerIdp(open(authUrl + "&kc_idp_hint=" + idp.alias()), user);
        }
        return logInAtCustomerIdp(click((HtmlElement) idpButton), user);
    }

    /**
     * IdP-initiated SAML: the user starts at the customer's portal link for the app, logs in there, and the
     * customer IdP posts an unsolicited assertion through the broker to the SAML app.
     */
    public LoginOutcome logInFromCustomerPortal(CustomerUser user) {
        String portalLink = OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.CUSTOMER_IDP
                + "/protocol/saml/clients/" + CustomerIdpRealm.IDP_INITIATED_URL_NAME;
        return logInAtCustomerIdp(open(portalLink), user);
    }

    /**
     * Signs in at the customer IdP only (its SSO session), without going on to any app: a later
     * {@link #logInToApp} then passes the IdP without a password form, as for a user already signed in there.
     */
    public void signInAtCustomerIdp(CustomerUser user) {
        String idp = OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.CUSTOMER_IDP + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id", "orgbridge-broker",
                        "redirect_uri", OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.BROKER + "/broker/"
                                + CustomerIdp.OIDC.alias() + "/endpoint",
                        "response_type", "code",
                        "scope", "openid",
                        "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                        "code_challenge_method", "S256"));
        HtmlPage login = open(idp);
        login.<HtmlInput>getHtmlElementById("username").setValue(user.username());
        login.<HtmlInput>getHtmlElementById("password").setValue(user.password());
        web.getOptions().setRedirectEnabled(false);
        try {
            // the IdP session cookie comes with this answer; its redirect to the broker is not followed
            Page answer = click(login.getHtmlElementById("kc-login"));
            if (answer.getWebResponse().getStatusCode() != 302) {
                throw new AssertionError("signing in at the customer IdP failed for " + user.username());
            }
        } finally {
            web.getOptions().setRedirectEnabled(true);
        }
    }

    private LoginOutcome logInAtCustomerIdp(Page page, CustomerUser user) {
        Page shown = followAutoPosts(page);
        if (shown instanceof HtmlPage html && html.getElementById("username") == null) {
            return outcome(shown); // already signed in at the IdP: single sign-on went straight on
        }
        HtmlPage idpLogin = asHtml(shown);
        idpLogin.<HtmlInput>getHtmlElementById("username").setValue(user.username());
        idpLogin.<HtmlInput>getHtmlElementById("password").setValue(user.password());
        return outcome(followAutoPosts(click(idpLogin.getHtmlElementById("kc-login"))));
    }

    /** Submits a form the user was shown (e.g. a first-login profile review) with the given field values. */
    public LoginOutcome submit(LoginOutcome.PageShown shown, Map<String, String> fields) {
        HtmlForm form = shown.page().getForms().get(0);
        fields.forEach((name, value) -> form.<HtmlInput>getInputByName(name).setValue(value));
        HtmlElement submit = form.getFirstByXPath(".//*[@type='submit']");
        return outcome(followAutoPosts(click(submit)));
    }

    /** Presses the submit button whose id, name or value is {@code button} on a page the user was shown. */
    public LoginOutcome press(LoginOutcome.PageShown shown, String button) {
        HtmlElement element = shown.page().getFirstByXPath(
                "//*[(self::button or self::input) and (@id='" + button + "' or @value='" + button + "' or @name='"
                        + button + "')]");
        if (element == null) {
            throw new AssertionError("no button '" + button + "' on " + shown);
        }
        return outcome(followAutoPosts(click(element)));
    }

    private LoginOutcome outcome(Page page) {
        String url = page.getUrl().toString();
        if (AppLanding.get().isLanding(url)) {
            WebRequest landed = page.getWebResponse().getWebRequest();
            String samlResponse = parameter(landed, "SAMLResponse");
            if (samlResponse != null) {
                return new LoginOutcome.SamlSignIn(SamlAssertion.fromPostedResponse(samlResponse));
            }
            return exchangeCode(queryParameter(URI.create(url), "code"));
        }
        HtmlPage html = asHtml(page);
        return new LoginOutcome.PageShown(url, textOf(html, "#kc-page-title, h1, title"),
                textOf(html, ".pf-v5-c-alert__title, #input-error, .kc-feedback-text, #kc-error-message, .alert-error"),
                html);
    }

    /** Keycloak's SAML POST binding pages submit themselves with JavaScript; this browser clicks for it. */
    private Page followAutoPosts(Page page) {
        Page current = page;
        for (int hop = 0; hop < MAX_AUTO_POSTS; hop++) {
            if (!(current instanceof HtmlPage html) || AppLanding.get().isLanding(html.getUrl().toString())) {
                return current;
            }
            HtmlForm samlPost = html.getForms().stream()
                    .filter(f -> !f.getInputsByName("SAMLRequest").isEmpty() || !f.getInputsByName("SAMLResponse").isEmpty())
                    .findFirst()
                    .orElse(null);
            if (samlPost == null) {
                return current;
            }
            current = load(samlPost.getWebRequest(null));
        }
        throw new AssertionError("more than " + MAX_AUTO_POSTS + " SAML auto-posts in a row, at " + current.getUrl());
    }

    private LoginOutcome.OidcSignIn exchangeCode(String code) {
        if (code == null) {
            throw new AssertionError("the app landing was reached without an authorization code");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(brokerUrl("/protocol/openid-connect/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", AppLanding.get().oidcCallback(),
                        "client_id", BrokerRealm.OIDC_APP,
                        "client_secret", BrokerRealm.OIDC_APP_SECRET))))
                .build();
        try {
            HttpResponse<String> response = backChannel.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("code exchange failed: HTTP " + response.statusCode() + " " + response.body());
            }
            AccessTokenResponse tokens = JsonSerialization.readValue(response.body(), AccessTokenResponse.class);
            return new LoginOutcome.OidcSignIn(tokens,
                    new JWSInput(tokens.getIdToken()).readJsonContent(IDToken.class),
                    new JWSInput(tokens.getToken()).readJsonContent(AccessToken.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (JWSInputException e) {
            throw new AssertionError("the broker issued an unreadable token", e);
        }
    }

    private HtmlPage open(String url) {
        try {
            return asHtml(web.getPage(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + url, e);
        }
    }

    private Page load(WebRequest request) {
        try {
            return web.getPage(request);
        } catch (IOException | FailingHttpStatusCodeException e) {
            throw new AssertionError("request to " + request.getUrl() + " failed", e);
        }
    }

    private static Page click(HtmlElement element) {
        try {
            return element.click();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HtmlPage asHtml(Page page) {
        if (page instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError("expected an HTML page at " + page.getUrl() + " but got "
                + page.getWebResponse().getContentType() + " (HTTP " + page.getWebResponse().getStatusCode() + ")");
    }

    private static String textOf(HtmlPage page, String selectors) {
        DomElement element = page.querySelector(selectors);
        return element == null ? "" : element.getTextContent().strip().replaceAll("\\s+", " ");
    }

    private static String parameter(WebRequest request, String name) {
        return request.getRequestParameters().stream()
                .filter(p -> p.getName().equals(name))
                .map(NameValuePair::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String queryParameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String brokerUrl(String path) {
        return OrgbridgeServer.BASE_URL + "/realms/" + DemoRealms.BROKER + path;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        web.close();
    }
}
