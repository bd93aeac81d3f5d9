package dev.orgbridge.support.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of table ORGBRIDGE_SSO_ID: an SSO identifier key (lower case, NFC) of a realm, and the username of the user
 * who claimed it last. The primary key (realm, key) is what makes the identifier unique under concurrency: claimers
 * lock the row (a no-op update, which every database serialises until commit), so two transactions cannot both take a
 * key.
 */
@Entity
@Table(name = "ORGBRIDGE_SSO_ID")
@NamedQuery(name = "orgbridgeLockSsoIdentifier", query = "update SsoIdentifierEntity e set e.username = e.username "
        + "where e.realmId = :realmId and e.ssoKey = :ssoKey")
@IdClass(SsoIdentifierEntity.Key.class)
public class SsoIdentifierEntity {

    @Id
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Id
    @Column(name = "SSO_KEY", length = 255, nullable = false)
    private String ssoKey;

    @Column(name = "USERNAME", length = 255)
    private String username;

    protected SsoIdentifierEntity() {
        // for JPA
    }

    SsoIdentifierEntity(String realmId, String ssoKey) {
        this.realmId = realmId;
        this.ssoKey = ssoKey;
    }

    String username() {
        return username;
    }

    void claimFor(String username) {
        this.username = username;
    }

    /** The primary key: realm and identifier key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String realmId;
        private String ssoKey;

        protected Key() {
            // for JPA
        }

        Key(String realmId, String ssoKey) {
            this.realmId = realmId;
            this.ssoKey = ssoKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && realmId.equals(other.realmId) && ssoKey.equals(other.ssoKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, ssoKey);
        }
    }
}
