package dev.lastmile.model.partner;

import java.util.Optional;

/**
 * The credentials of the SOAP call this thread serves. The web module's SOAP guard, which every partner SOAP request
 * passes on both deployables, sets them from the HTTP request before the endpoint runs and clears them after: neither
 * Payara Server's servlet endpoints nor Metro's message context reliably hand the headers to the endpoint itself.
 */
public final class PartnerCall {

    private static final ThreadLocal<String> AUTHORIZATION = new ThreadLocal<>();
    private static final ThreadLocal<Long> RECOGNISED = new ThreadLocal<>();

    private PartnerCall() {
    }

    /** @param recognisedPartnerId the partner the web module's authentication already recognised, or null */
    public static void begin(String authorizationHeader, Long recognisedPartnerId) {
        AUTHORIZATION.set(authorizationHeader);
        RECOGNISED.set(recognisedPartnerId);
    }

    public static Optional<Long> recognisedPartnerId() {
        return Optional.ofNullable(RECOGNISED.get());
    }

    public static Optional<String> authorization() {
        return Optional.ofNullable(AUTHORIZATION.get());
    }

    public static void end() {
        AUTHORIZATION.remove();
        RECOGNISED.remove();
    }
}
