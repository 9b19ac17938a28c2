package dev.lastmile.pod.device.control;

import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.Credential;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.problem.NotAuthenticated;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues handheld tokens to drivers and recognises the handheld behind a request. */
@ApplicationScoped
public class Devices {

    private static final String BEARER = "Bearer ";

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.handheld.token-lifetime", defaultValue = "P30D")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "lastmile.handheld.pairing-lifetime", defaultValue = "PT15M")
    Duration pairingLifetime;

    @Inject
    CurrentCaller caller;

    /** A one-time pairing code for a device, shown this once; only its hash is kept. */
    public record Pairing(HandheldDevice device, String code, Instant expiresAt) {
    }

    /** A new device for the driver, and its token; the token is shown this once and never stored. */
    public record Issued(HandheldDevice device, String token) {
    }

    /** Staff register handhelds for drivers of their own depot only; another depot's driver is not found. */
    public Issued issue(Long driverId, String label) {
        new Violations().require("driverId", driverId).require("label", label)
                .check(label == null || label.length() <= 64, "label", "must be at most 64 characters").throwIfAny();
        Driver driver = em.find(Driver.class, driverId);
        if (driver == null || !caller.get().sees(driver.depot().code())) {
            throw new NotFound("driver", String.valueOf(driverId));
        }
        String token = Credential.newSecret(32);
        Instant now = Instant.now();
        HandheldDevice device = new HandheldDevice(driver, label.trim(), Credential.hashOf(token), now, now.plus(lifetime));
        em.persist(device);
        em.flush();
        return new Issued(device, token);
    }

    /** The handhelds of a depot's drivers, revoked ones included (staff see what was withdrawn). */
    public List<HandheldDevice> ofDepot(String depotCode) {
        caller.get().requireDepot(depotCode);
        return em.createQuery("SELECT d FROM HandheldDevice d JOIN FETCH d.driver WHERE d.driver.depot.code = :depot"
                + " ORDER BY d.id", HandheldDevice.class).setParameter("depot", depotCode).getResultList();
    }

    public void revoke(long deviceId) {
        scoped(deviceId).revoke(Instant.now());
    }

    /** A new token for the handheld (staff replace a leaked one); the old one stops working at once. */
    public Issued rotate(long deviceId) {
        return rotated(scoped(deviceId));
    }

    /** The handheld renews its own token before it expires. */
    public Issued rotateOwn() {
        HandheldDevice device = em.find(HandheldDevice.class, caller.get().accountId());
        if (device == null || device.revoked()) {
            throw new NotAuthenticated("The handheld token is unknown, expired or revoked.");
        }
        return rotated(device);
    }

    /**
     * A one-time code the handheld exchanges for its token, so no token is typed or read out. A new code
     * replaces an earlier one of the same device; using it replaces the device's token.
     */
    public Pairing offerPairing(long deviceId) {
        HandheldDevice device = scoped(deviceId);
        String code = PairingCode.newCode();
        Instant until = Instant.now().plus(pairingLifetime);
        device.offerPairing(Credential.hashOf(code), until);
        return new Pairing(device, code, until);
    }

    /** The handheld that shows a valid pairing code gets a new token; the code is used up. */
    public Issued pair(String code) {
        new Violations().require("code", code).throwIfAny();
        String normalised = PairingCode.normalise(code);
        HandheldDevice device = em.createNamedQuery(HandheldDevice.BY_PAIRING_HASH, HandheldDevice.class)
                .setParameter("hash", Credential.hashOf(normalised)).setParameter("now", Instant.now())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotAuthenticated("The pairing code is unknown, used or expired: ask the depot for a new one."));
        String token = Credential.newSecret(32);
        Instant now = Instant.now();
        device.paired(Credential.hashOf(token), now, now.plus(lifetime));
        return new Issued(device, token);
    }

    private Issued rotated(HandheldDevice device) {
        String token = Credential.newSecret(32);
        Instant now = Instant.now();
        device.rotate(Credential.hashOf(token), now, now.plus(lifetime));
        return new Issued(device, token);
    }

    private HandheldDevice scoped(long deviceId) {
        HandheldDevice device = em.find(HandheldDevice.class, deviceId);
        if (device == null || device.revoked() || !caller.get().sees(device.driver().depot().code())) {
            throw new NotFound("device", String.valueOf(deviceId));
        }
        return device;
    }

    /** The device that sent {@code Authorization: Bearer <token>}; refuses missing, unknown and revoked tokens alike. */
    public HandheldDevice authenticate(String authorization) {
        // The authentication mechanism has checked this token already: take the device it found.
        if (caller.get().kind() == CallerKind.DEVICE) {
            HandheldDevice device = em.find(HandheldDevice.class, caller.get().accountId());
            if (device != null) {
                return device;
            }
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new NotAuthenticated("Send the handheld's token as Authorization: Bearer <token>.");
        }
        return em.createNamedQuery(HandheldDevice.BY_TOKEN_HASH, HandheldDevice.class)
                .setParameter("hash", Credential.hashOf(authorization.substring(BEARER.length()).trim())).setParameter("now", Instant.now())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotAuthenticated("The handheld token is unknown, expired or revoked."));
    }
}
