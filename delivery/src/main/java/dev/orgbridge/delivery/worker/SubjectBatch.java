package dev.orgbridge.delivery.worker;

import dev.orgbridge.support.delivery.DeliveryStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Subjects one call thread delivers to in turn. Their first calls are prepared in one transaction, which reads what
 * the target holds of all of them with one query: a transaction and a lookup per call were most of a webhook call's
 * cost. Later calls of a subject (after coalescing, rarely more than one) prepare on their own, after the writes of
 * the calls before them.
 */
final class SubjectBatch implements Runnable {

    private static final Logger LOG = Logger.getLogger(SubjectBatch.class);

    private final TargetRound target;
    private final List<SubjectRound> subjects;

    SubjectBatch(TargetRound target, List<SubjectRound> subjects) {
        this.target = target;
        this.subjects = subjects;
    }

    @Override
    public void run() {
        try {
            KeycloakModelUtils.runJobInTransaction(target.sessionFactory(), session -> {
                new DeliveryStore(session).loadRemotes(target.targetId(),
                        subjects.stream().map(SubjectRound::subjectId).toList());
                subjects.forEach(subject -> subject.prepareAhead(session));
            });
        } catch (RuntimeException e) {
            LOG.debugf("Orgbridge could not prepare %d calls to target %s together (%s); preparing each alone",
                    subjects.size(), target.targetId(), e.getMessage());
            subjects.forEach(SubjectRound::forgetAhead);
        }
        subjects.forEach(SubjectRound::run);
    }
}
