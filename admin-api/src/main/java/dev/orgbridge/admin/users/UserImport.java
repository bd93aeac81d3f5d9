package dev.orgbridge.admin.users;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orgbridge.core.sso.ImportColumns;
import dev.orgbridge.core.sso.ImportRejection;
import dev.orgbridge.core.sso.ImportRow;
import dev.orgbridge.core.sso.ImportRowCheck;
import dev.orgbridge.support.sso.SsoIdentifierIndex;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * A create-only bulk import: each valid row becomes a user in its own transaction (the realm's user profile
 * validates it, as for an admin's create; existing users are never touched), each other row is rejected with a
 * reason. The report is written as the rows are processed, so neither the file nor the report is held in memory.
 */
public final class UserImport {

    /** The SSO identifier validator's message key, which makes a row {@link ImportRejection#SSO_IDENTIFIER_EXISTS}. */
    private static final String SSO_IDENTIFIER_TAKEN = "orgbridgeSsoIdentifierTaken";

    /** Rows created per transaction. */
    private static final int BATCH = 100;
    /**
     * Batches imported at once. Rows of different batches never collide: the reading thread rejects a row that
     * repeats an earlier one before its batch is handed out, so concurrent batches touch different users and
     * identifiers; a batch that still fails as a whole is redone row by row.
     */
    private static final int WORKERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final Logger LOG = Logger.getLogger(UserImport.class);

    private final KeycloakSessionFactory factories;
    private final String realmId;
    private final AdminAuth admin;
    private final ClientConnection connection;
    private final String ssoAttribute;
    private final boolean dryRun;

    public UserImport(KeycloakSession session, RealmModel realm, AdminAuth admin, String ssoAttribute,
                      boolean dryRun) {
        this.factories = session.getKeycloakSessionFactory();
        this.realmId = realm.getId();
        this.admin = admin;
        this.connection = session.getContext().getConnection();
        this.ssoAttribute = ssoAttribute;
        this.dryRun = dryRun;
    }

    /**
     * Spools the upload and checks it as a whole: the answer is the report writer, or an error response (400, 413)
     * when the file is refused before any user is created.
     */
    public StreamingOutput start(InputStream upload, boolean json, ImportLimits limits) {
        ImportFile file = null;
        try {
            file = ImportFile.spool(upload, json, limits);
            return prepare(file, limits);
        } catch (ImportRefused e) {
            close(file);
            throw ErrorResponse.error(e.getMessage(), e.status());
        } catch (IOException e) {
            close(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ImportFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debugf("Could not delete an import's spool file: %s", e.getMessage());
            }
        }
    }

    /**
     * Checks the whole file (format, header, size) before anything is created, then returns the report writer that
     * imports row by row. Throws {@link ImportRefused} for a file refused as a whole.
     */
    StreamingOutput prepare(ImportFile file, ImportLimits limits) {
        ImportColumns columns = file.header();
        file.check(limits);
        return out -> {
            try (file; ImportFile.Rows rows = file.dataRows()) {
                write(out, columns, rows);
            }
        };
    }

    private void write(OutputStream out, ImportColumns columns, ImportFile.Rows rows) throws IOException {
        ImportRowCheck check = new ImportRowCheck(columns);
        long[] counts = new long[2];
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        // batches run on the workers; their outcomes are written in file order, at most WORKERS + 1 batches held
        Deque<Future<List<ImportOutcome>>> pending = new ArrayDeque<>();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("dryRun", dryRun);
            json.writeArrayFieldStart("rows");
            List<Object> batch = new ArrayList<>(BATCH);
            while (rows.hasNext()) {
                ImportFile.Row row = rows.next();
                ImportRowCheck.Checked checked = check.check(row.line(), row.fields());
                if (checked instanceof ImportRowCheck.Valid valid) {
                    batch.add(valid.row());
                } else {
                    ImportRowCheck.Rejected r = (ImportRowCheck.Rejected) checked;
                    batch.add(ImportOutcome.rejected(r.line(), username(columns, row), r.reason(),
                            r.earlierLine().orElse(null)));
                }
                if (batch.size() == BATCH) {
                    List<Object> full = batch;
                    pending.add(workers.submit(() -> process(full)));
                    batch = new ArrayList<>(BATCH);
                    while (pending.size() > WORKERS) {
                        writeBatch(json, pending.poll(), counts);
                    }
                }
            }
            if (!batch.isEmpty()) {
                List<Object> last = batch;
                pending.add(workers.submit(() -> process(last)));
            }
            while (!pending.isEmpty()) {
                writeBatch(json, pending.poll(), counts);
            }
            json.writeEndArray();
            json.writeNumberField(dryRun ? "valid" : "created", counts[0]);
            json.writeNumberField("rejected", counts[1]);
            json.writeEndObject();
        } finally {
            workers.shutdownNow();
        }
        LOG.infof("Realm %s: bulk import %s %d users, rejected %d rows", realmId, dryRun ? "validated" : "created",
                counts[0], counts[1]);
    }

    private static void writeBatch(JsonGenerator json, Future<List<ImportOutcome>> batch, long[] counts)
            throws IOException {
        List<ImportOutcome> outcomes;
        try {
            outcomes = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bulk import interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("bulk import failed", e.getCause());
        }
        for (ImportOutcome outcome : outcomes) {
            counts[outcome.rejected() ? 1 : 0]++;
            writeRow(json, outcome);
        }
    }


    private static String username(ImportColumns columns, ImportFile.Row row) {
        return row.fields().size() == columns.count()
                ? columns.field(row.fields(), ImportColumns.Column.USERNAME).orElse(null) : null;
    }

    /**
     * A batch of rows (valid rows and rows already rejected by the file check), in file order: the valid ones are
     * created in one transaction; if that transaction fails as a whole (a concurrent change), each row is redone in
     * a transaction of its own, so one row's failure never takes the others with it.
     */
    private List<ImportOutcome> process(List<Object> batch) {
        List<ImportRow> valid = batch.stream().filter(ImportRow.class::isInstance).map(ImportRow.class::cast)
                .toList();
        Map<Long, ImportOutcome> done = new HashMap<>();
        if (!valid.isEmpty()) {
            try {
                KeycloakModelUtils.runJobInTransaction(factories, tx -> {
                    RealmModel realm = tx.realms().getRealm(realmId);
                    tx.getContext().setRealm(realm);
                    new SsoIdentifierIndex(tx, ssoAttribute).prepare(realm,
                            valid.stream().flatMap(row -> row.ssoIdentifier().stream()).toList());
                });
                KeycloakModelUtils.runJobInTransaction(factories, tx -> {
                    RealmModel realm = tx.realms().getRealm(realmId);
                    tx.getContext().setRealm(realm);
                    AdminEventBuilder events = new AdminEventBuilder(realm, admin, tx, connection);
                    for (ImportRow row : valid) {
                        done.put(row.line(), createIn(tx, realm, row, events));
                    }
                    if (dryRun) {
                        tx.getTransactionManager().setRollbackOnly();
                    }
                });
            } catch (RuntimeException batchFailed) {
                LOG.debugf("Bulk import batch failed as a whole (%s); importing its rows one by one",
                        batchFailed.getMessage());
                done.clear();
                valid.forEach(row -> done.put(row.line(), createOrTry(row)));
            }
        }
        return batch.stream()
                .map(item -> item instanceof ImportRow row ? done.get(row.line()) : (ImportOutcome) item)
                .toList();
    }

    /** One row, in its own transaction: created and committed, or rolled back with the reason. */
    private ImportOutcome createOrTry(ImportRow row) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factories, tx -> {
                RealmModel realm = tx.realms().getRealm(realmId);
                tx.getContext().setRealm(realm);
                ImportOutcome outcome = createIn(tx, realm, row, new AdminEventBuilder(realm, admin, tx, connection));
                if (dryRun || outcome.rejected()) {
                    tx.getTransactionManager().setRollbackOnly();
                }
                return outcome;
            });
        } catch (ModelDuplicateException e) {
            // a user with that username or email was created concurrently, after validation
            return ImportOutcome.rejected(row.line(), row.username(), ImportRejection.USERNAME_EXISTS, null);
        }
    }

    /** Creates one row's user in the transaction of {@code tx}; {@code events} records it (one builder per batch). */
    private ImportOutcome createIn(KeycloakSession tx, RealmModel realm, ImportRow row, AdminEventBuilder events) {
        List<GroupModel> groups = new ArrayList<>();
        for (String path : row.groups()) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(tx, realm, path);
            if (group == null) {
                return ImportOutcome.rejected(row.line(), row.username(), ImportRejection.GROUP_NOT_FOUND, null);
            }
            groups.add(group);
        }
        UserProfile profile = tx.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.USER_API, attributes(row));
        try {
            profile.validate();
        } catch (ValidationException e) {
            return ImportOutcome.rejected(row.line(), row.username(), reason(e), null);
        }
        if (dryRun) {
            return ImportOutcome.valid(row.line(), row.username());
        }
        UserModel user = profile.create();
        user.setEnabled(row.enabled());
        groups.forEach(user::joinGroup);
        events.operation(OperationType.CREATE)
                .resource(ResourceType.USER)
                .resourcePath("users", user.getId())
                .representation(ModelToRepresentation.toBriefRepresentation(user))
                .detail("orgbridge_import_line", Long.toString(row.line()))
                .success();
        return ImportOutcome.created(row.line(), row.username(), user.getId());
    }

    private Map<String, List<String>> attributes(ImportRow row) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(row.username()));
        row.email().ifPresent(email -> attributes.put(UserModel.EMAIL, List.of(email)));
        row.firstName().ifPresent(name -> attributes.put(UserModel.FIRST_NAME, List.of(name)));
        row.lastName().ifPresent(name -> attributes.put(UserModel.LAST_NAME, List.of(name)));
        row.ssoIdentifier().ifPresent(id -> attributes.put(ssoAttribute, List.of(id.value())));
        return attributes;
    }

    private static ImportRejection reason(ValidationException e) {
        if (e.hasError(Messages.USERNAME_EXISTS)) {
            return ImportRejection.USERNAME_EXISTS;
        }
        if (e.hasError(Messages.EMAIL_EXISTS)) {
            return ImportRejection.EMAIL_EXISTS;
        }
        if (e.hasError(SSO_IDENTIFIER_TAKEN)) {
            return ImportRejection.SSO_IDENTIFIER_EXISTS;
        }
        return ImportRejection.PROFILE_INVALID;
    }

    private static void writeRow(JsonGenerator json, ImportOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeNumberField("line", outcome.line());
        json.writeStringField("status", outcome.status());
        if (outcome.username() != null) {
            json.writeStringField("username", outcome.username());
        }
        if (outcome.userId() != null) {
            json.writeStringField("userId", outcome.userId());
        }
        if (outcome.reason() != null) {
            json.writeStringField("reason", outcome.reason().code());
            json.writeStringField("message", "row " + outcome.line() + " " + outcome.reason().message());
        }
        if (outcome.earlierLine() != null) {
            json.writeNumberField("earlierLine", outcome.earlierLine());
        }
        json.writeEndObject();
    }
}
