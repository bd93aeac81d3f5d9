package dev.orgbridge.it.harness;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a SAML app reads from the response the broker posted to it. */
public record SamlAssertion(String issuer, String nameId, Map<String, List<String>> attributes) {

    private static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    static SamlAssertion fromPostedResponse(String base64Response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Response)));
            Element assertion = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
            if (assertion == null) {
                throw new AssertionError("the SAML response holds no (unencrypted) assertion: "
                        + new String(Base64.getMimeDecoder().decode(base64Response), StandardCharsets.UTF_8));
            }
            return new SamlAssertion(text(assertion, "Issuer"), text(assertion, "NameID"), attributes(assertion));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("the app received an unreadable SAML response", e);
        }
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(ASSERTION_NS, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        NodeList nodes = assertion.getElementsByTagNameNS(ASSERTION_NS, "Attribute");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element attribute = (Element) nodes.item(i);
            NodeList values = attribute.getElementsByTagNameNS(ASSERTION_NS, "AttributeValue");
            List<String> texts = new ArrayList<>();
            for (int v = 0; v < values.getLength(); v++) {
                texts.add(values.item(v).getTextContent());
            }
            attributes.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>()).addAll(texts);
        }
        return attributes;
    }
}
