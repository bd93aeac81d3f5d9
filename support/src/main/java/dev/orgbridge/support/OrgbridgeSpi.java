package dev.orgbridge.support;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** An SPI of Orgbridge's own: a name, its provider and factory types, not internal (no start-up warning). */
public abstract class OrgbridgeSpi implements Spi {

    private final String name;
    private final Class<? extends Provider> providerClass;
    private final Class<? extends ProviderFactory<?>> factoryClass;

    protected OrgbridgeSpi(String name, Class<? extends Provider> providerClass,
                           Class<? extends ProviderFactory<?>> factoryClass) {
        this.name = name;
        this.providerClass = providerClass;
        this.factoryClass = factoryClass;
    }

    @Override
    public final boolean isInternal() {
        return false;
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final Class<? extends Provider> getProviderClass() {
        return providerClass;
    }

    @Override
    public final Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return factoryClass;
    }
}
