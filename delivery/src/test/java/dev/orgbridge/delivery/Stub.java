package dev.orgbridge.delivery;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Stand-ins for Keycloak's model and session interfaces in unit tests: each answers the methods it is given by name
 * and fails loudly on any other, so a test shows exactly what the code under test asks of Keycloak.
 */
public final class Stub {

    /** What a stubbed method does with its arguments. */
    @FunctionalInterface
    public interface Answer {
        Object apply(Object[] arguments) throws Exception;
    }

    private Stub() {
    }

    /** An answer that ignores the arguments. */
    public static Answer returns(Object value) {
        return arguments -> value;
    }

    public static <T> T of(Class<T> type, Map<String, Answer> answers) {
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                try {
                    return answer.apply(args == null ? new Object[0] : args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            switch (method.getName()) {
                case "toString":
                    return type.getSimpleName() + " stub";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " is not stubbed");
            }
        });
        return type.cast(stub);
    }
}
