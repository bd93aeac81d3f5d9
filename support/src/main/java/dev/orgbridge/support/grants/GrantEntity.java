package dev.orgbridge.support.grants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of table ORGBRIDGE_GRANT: a group membership or role a mapper gave a user, and why. Unique per
 * (user, kind, target); deleted with the user (foreign key, ON DELETE CASCADE) and when the mapper removes the grant.
 */
@Entity
@Table(name = "ORGBRIDGE_GRANT")
@NamedQueries({
    @NamedQuery(name = "orgbridgeGrantsOfUser",
            query = "select g from GrantEntity g where g.userId = :userId order by g.kind, g.targetName"),
    @NamedQuery(name = "orgbridgeGrantOfTarget",
            query = "select g from GrantEntity g where g.userId = :userId and g.kind = :kind and g.targetId = :targetId"),
    @NamedQuery(name = "orgbridgeForgetGrant",
            query = "delete from GrantEntity g where g.userId = :userId and g.kind = :kind and g.targetId = :targetId")
})
public class GrantEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "TARGET_ID", length = 36, nullable = false)
    private String targetId;

    @Column(name = "TARGET_NAME", length = 255)
    private String targetName;

    @Column(name = "MAPPER_ID", length = 36)
    private String mapperId;

    @Column(name = "MAPPER_NAME", length = 255)
    private String mapperName;

    @Column(name = "IDP_ALIAS", length = 255)
    private String idpAlias;

    @Column(name = "ATTRIBUTE_NAME", length = 255)
    private String attribute;

    @Column(name = "ATTRIBUTE_VALUE", length = 255)
    private String value;

    @Column(name = "CAUSE", length = 32, nullable = false)
    private String cause;

    @Column(name = "GRANTED_AT", nullable = false)
    private long grantedAt;

    protected GrantEntity() {
        // for JPA
    }

    GrantEntity(String id, String realmId, String userId, String kind, String targetId) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.kind = kind;
        this.targetId = targetId;
    }

    void describe(Grant grant, long now) {
        this.targetName = grant.targetName();
        this.mapperId = grant.mapperId();
        this.mapperName = grant.mapperName();
        this.idpAlias = grant.identityProvider();
        this.attribute = grant.attribute();
        this.value = grant.value();
        this.cause = grant.cause();
        this.grantedAt = now;
    }

    Grant toGrant() {
        return new Grant(Grant.Kind.valueOf(kind), targetId, targetName, mapperId, mapperName, idpAlias, attribute,
                value, cause, grantedAt);
    }
}
