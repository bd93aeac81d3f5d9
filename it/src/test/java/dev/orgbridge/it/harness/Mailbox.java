package dev.orgbridge.it.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real SMTP server on loopback (GreenMail) set as a realm's email settings (Realm settings → Email) for as long as
 * it is open; closing it puts the realm's settings back and stops the server.
 */
public final class Mailbox implements AutoCloseable {

    public static final String SENDER = "keycloak@app.test";

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final RealmResource realm;
    private final Map<String, String> before;

    private Mailbox(RealmResource realm) {
        this.realm = realm;
        smtp.start();
        RealmRepresentation settings = realm.toRepresentation();
        before = settings.getSmtpServer();
        settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.getSmtp().getPort()),
                "from", SENDER));
        realm.update(settings);
    }

    /** Starts a server and makes it the SMTP server of {@code realm} (as an admin reaches it). */
    public static Mailbox of(RealmResource realm) {
        return new Mailbox(realm);
    }

    /** Waits until at least {@code count} mails arrived (or {@code timeout} passed); answers every mail so far. */
    public List<Mail> await(int count, Duration timeout) {
        smtp.waitForIncomingEmail(timeout.toMillis(), count);
        return received();
    }

    /** Every mail so far, oldest first. */
    public List<Mail> received() {
        return Stream.of(smtp.getReceivedMessages()).map(Mail::of).toList();
    }

    @Override
    public void close() {
        try {
            RealmRepresentation settings = realm.toRepresentation();
            settings.setSmtpServer(before == null ? Map.of() : before);
            realm.update(settings);
        } finally {
            smtp.stop();
        }
    }

    /** One mail as a reader sees it: to whom, the subject, and the plain-text part. */
    public record Mail(String to, String subject, String text) {

        static Mail of(MimeMessage message) {
            try {
                return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text(message));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Keycloak sends multipart/alternative: the text/plain part. */
        private static String text(MimeMessage message) throws MessagingException, IOException {
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        return part.getContent().toString();
                    }
                }
            }
            return content.toString();
        }
    }
}
