package dev.orgbridge.it.bench;

import dev.orgbridge.it.harness.Browser;
import dev.orgbridge.it.harness.CustomerDirectory;
import dev.orgbridge.it.harness.CustomerIdp;
import dev.orgbridge.it.harness.CustomerUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The load harnesses' measuring stick: first-broker-login latency on the broker's side. Each login is a new employee
 * of the customer, already signed in at the customer IdP, so the time is the broker's: Orgbridge's mappers and
 * onboarding, Keycloak creating the user, the app receiving its code. One login at a time.
 */
final class LoginLatency {

    private final CustomerDirectory directory;
    private final String domain;
    private final Map<String, List<String>> attributes;

    /**
     * @param domain     the employees' email domain
     * @param attributes what their IdP asserts besides the email (e.g. division)
     */
    LoginLatency(CustomerDirectory directory, String domain, Map<String, List<String>> attributes) {
        this.directory = directory;
        this.domain = domain;
        this.attributes = attributes;
    }

    /** Milliseconds of each of {@code logins} first logins through the customer's OIDC IdP. */
    List<Long> measure(String run, int logins) {
        return measure(run, logins, i -> attributes);
    }

    /** As {@link #measure(String, int)}, the i-th employee's IdP asserting {@code attributesOf.apply(i)}. */
    List<Long> measure(String run, int logins, IntFunction<Map<String, List<String>>> attributesOf) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            String username = run + "-" + i;
            CustomerUser user = directory.hire(username, username + "@" + domain, attributesOf.apply(i));
            try (Browser browser = new Browser()) {
                browser.signInAtCustomerIdp(user);
                long start = System.nanoTime();
                browser.logInToApp(CustomerIdp.OIDC, user).asOidcSignIn();
                millis.add((System.nanoTime() - start) / 1_000_000L);
            }
        }
        return millis;
    }

    static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(index);
    }

    /** One table row: label, median, p90, max. */
    static String row(String label, List<Long> millis) {
        return "| %s | %d | %d | %d |".formatted(label, percentile(millis, 50), percentile(millis, 90),
                percentile(millis, 100));
    }

    static double medianRatio(List<Long> many, List<Long> few) {
        return (double) percentile(many, 50) / percentile(few, 50);
    }

    /**
     * A 95 % bootstrap interval of {@link #medianRatio}: both samples drawn again with replacement, 2,000 times, and the
     * middle 95 % of the ratios those give. How far the ratio measured may be from the true one, from the spread of
     * the logins themselves; a fixed seed, so a report can be recomputed.
     */
    static double[] medianRatioInterval(List<Long> many, List<Long> few) {
        Random random = new Random(42);
        double[] ratios = new double[2_000];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = medianRatio(resample(many, random), resample(few, random));
        }
        Arrays.sort(ratios);
        return new double[] {ratios[(int) (ratios.length * 0.025)], ratios[(int) (ratios.length * 0.975) - 1]};
    }

    private static List<Long> resample(List<Long> values, Random random) {
        List<Long> drawn = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            drawn.add(values.get(random.nextInt(values.size())));
        }
        return drawn;
    }
}
