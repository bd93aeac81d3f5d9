package dev.orgbridge.it.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** The broker's identity-provider mappers, as an admin edits them in the console. */
public final class IdpMappers {

    private IdpMappers() {
    }

    public static IdentityProviderMapperRepresentation find(ManagedRealm broker, CustomerIdp idp, String name) {
        return idp(broker, idp).getMappers().stream()
                .filter(mapper -> name.equals(mapper.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(idp.alias() + " has no mapper " + name));
    }

    /** Changes options of a mapper (several values join as Keycloak stores them); returns it as it was. */
    public static IdentityProviderMapperRepresentation change(ManagedRealm broker, CustomerIdp idp, String name,
                                                              Map<String, String> options) {
        IdentityProviderMapperRepresentation mapper = find(broker, idp, name);
        IdentityProviderMapperRepresentation before = copy(mapper);
        mapper.getConfig().putAll(options);
        idp(broker, idp).update(mapper.getId(), mapper);
        return before;
    }

    public static void restore(ManagedRealm broker, CustomerIdp idp, IdentityProviderMapperRepresentation mapper) {
        idp(broker, idp).update(mapper.getId(), mapper);
    }

    /** Adds a mapper; returns its id. */
    public static String add(ManagedRealm broker, CustomerIdp idp, String name, String type,
                             Map<String, String> options) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(idp.alias());
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(options));
        idp(broker, idp).addMapper(mapper).close();
        return find(broker, idp, name).getId();
    }

    public static void remove(ManagedRealm broker, CustomerIdp idp, String id) {
        idp(broker, idp).delete(id);
    }

    /** The mappers of another IdP, copied onto this one (e.g. the demo's mappers onto the scripted test IdP). */
    public static List<String> copy(ManagedRealm broker, CustomerIdp from, CustomerIdp to) {
        return idp(broker, from).getMappers().stream()
                .filter(mapper -> mapper.getIdentityProviderMapper().startsWith("orgbridge-"))
                .map(mapper -> add(broker, to, mapper.getName(), mapper.getIdentityProviderMapper(),
                        mapper.getConfig()))
                .toList();
    }

    private static IdentityProviderMapperRepresentation copy(IdentityProviderMapperRepresentation mapper) {
        IdentityProviderMapperRepresentation copy = new IdentityProviderMapperRepresentation();
        copy.setId(mapper.getId());
        copy.setName(mapper.getName());
        copy.setIdentityProviderAlias(mapper.getIdentityProviderAlias());
        copy.setIdentityProviderMapper(mapper.getIdentityProviderMapper());
        copy.setConfig(new HashMap<>(mapper.getConfig()));
        return copy;
    }

    private static IdentityProviderResource idp(ManagedRealm broker, CustomerIdp idp) {
        return broker.admin().identityProviders().get(idp.alias());
    }
}
