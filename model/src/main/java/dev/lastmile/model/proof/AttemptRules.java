package dev.lastmile.model.proof;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The carrier's failed-attempt policy as configured: the same for its own drivers and for partner 3PLs. */
@ApplicationScoped
public class AttemptRules {

    @Inject
    @ConfigProperty(name = "lastmile.pod.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lastmile.pod.hold-days", defaultValue = "5")
    int holdDays;

    private FailedAttemptPolicy policy;

    @PostConstruct
    void configure() {
        policy = new FailedAttemptPolicy(maxAttempts, holdDays);
    }

    public FailedAttemptPolicy policy() {
        return policy;
    }
}
