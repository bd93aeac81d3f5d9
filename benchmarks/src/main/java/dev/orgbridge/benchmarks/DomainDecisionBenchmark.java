package dev.orgbridge.benchmarks;

import dev.orgbridge.core.domain.DomainIndex;
import dev.orgbridge.core.domain.DomainPattern;
import dev.orgbridge.core.domain.EmailCheck;
import dev.orgbridge.core.domain.EmailDomain;
import dev.orgbridge.core.domain.IgnoredDomains;
import dev.orgbridge.core.domain.KnownOrganization;
import dev.orgbridge.core.domain.OnboardingPolicy;
import dev.orgbridge.core.domain.Onboarding;
import dev.orgbridge.core.domain.OrganizationDecision;
import dev.orgbridge.core.domain.PersonalEmailAction;
import dev.orgbridge.core.domain.UnknownDomainAction;
import dev.orgbridge.core.domain.UnverifiedEmailAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One first-broker-login decision, end to end in core: classify the raw email the identity provider sent, find the
 * organization owning its domain among 10,000 rules, decide.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DomainDecisionBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DomainDecisionBenchmark {

    static final int RULES = 10_000;
    static final int EMAILS = 1_024; // a power of two: the rotation is a mask
    static final String IDP = "customer-oidc";
    private static final String[] TLDS = {"com", "de", "co.uk", "io", "fr", "net"};
    private static final String[] SUBDOMAINS = {"mail", "eu", "us", "sales", "paris.eu", "dev.corp"};
    private static final String[] PERSONAL = {"gmail.com", "GMail.com", "outlook.com", "yahoo.co.uk", "web.de",
            "icloud.com", "hotmail.fr", "proton.me", "qq.com", "gmx.net"};

    private IgnoredDomains ignored;
    private DomainIndex<KnownOrganization> index;
    private OnboardingPolicy policy;
    private String[] emails;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        ignored = IgnoredDomains.builtIn();
        policy = new OnboardingPolicy(UnverifiedEmailAction.DENY, PersonalEmailAction.NO_ORGANIZATION,
                Optional.empty(), UnknownDomainAction.CREATE, Set.of(IDP));

        // 10,000 organizations' domains: about a third wildcards, some of them on regional subdomains.
        List<String> exactBases = new ArrayList<>();
        List<String> wildcardBases = new ArrayList<>();
        DomainIndex.Builder<KnownOrganization> builder = DomainIndex.builder();
        for (int i = 0; i < RULES; i++) {
            String base = "company" + i + "." + TLDS[i % TLDS.length];
            boolean wildcard = i % 3 == 0;
            if (i % 10 == 7) {
                base = "emea." + base;
            }
            KnownOrganization organization = new KnownOrganization("id-" + i, "org-" + i,
                    i % 20 == 0 ? Set.of("another-idp") : Set.of(IDP));
            builder.put(new DomainPattern(EmailDomain.parse(base), wildcard), organization);
            (wildcard ? wildcardBases : exactBases).add(base);
        }
        index = builder.build();

        // ~1,000 raw emails as identity providers send them: mixed case, some personal, some subdomains, some unknown.
        emails = new String[EMAILS];
        for (int i = 0; i < EMAILS; i++) {
            int kind = random.nextInt(100);
            String domain;
            if (kind < 45) {
                domain = exactBases.get(random.nextInt(exactBases.size()));
            } else if (kind < 65) {
                String base = wildcardBases.get(random.nextInt(wildcardBases.size()));
                domain = random.nextBoolean() ? base : SUBDOMAINS[random.nextInt(SUBDOMAINS.length)] + "." + base;
            } else if (kind < 80) {
                domain = PERSONAL[random.nextInt(PERSONAL.length)];
            } else {
                domain = "unknown" + random.nextInt(1_000_000) + "." + TLDS[random.nextInt(TLDS.length)];
            }
            String local = random.nextBoolean() ? "alice.smith" : "Bob.Jones+sso";
            String email = local + "@" + domain;
            emails[i] = switch (random.nextInt(4)) {
                case 0 -> email.toUpperCase(Locale.ROOT);
                case 1 -> capitalise(email);
                default -> email;
            };
        }
    }

    private static String capitalise(String email) {
        StringBuilder out = new StringBuilder(email);
        for (int i = 0; i < out.length(); i++) {
            if (i == 0 || out.charAt(i - 1) == '.' || out.charAt(i - 1) == '@') {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    @Benchmark
    public OrganizationDecision decide() {
        String raw = emails[next];
        next = (next + 1) & (EMAILS - 1);
        EmailCheck email = EmailCheck.of(raw, true, ignored);
        Optional<KnownOrganization> organization = email instanceof EmailCheck.Corporate corporate
                ? index.mostSpecific(corporate.email().domain())
                : Optional.empty();
        return Onboarding.decide(email, organization, IDP, Optional.empty(), policy);
    }
}
