package dev.lastmile.pod.device.control;

import dev.lastmile.model.access.CurrentCaller;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.lastmile.model.fleet.Driver;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.problem.NotAuthenticated;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

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
    CurrentCaller caller;

    private final SecureRandom random = new SecureRandom();

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
        String token = newToken();
        Instant now = Instant.now();
        HandheldDevice device = new HandheldDevice(driver, label.trim(), hash(token), now, now.plus(lifetime));
        em.persist(device);
        em.flush();
        return new Issued(device, token);
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

    private Issued rotated(HandheldDevice device) {
        String token = newToken();
        Instant now = Instant.now();
        device.rotate(hash(token), now, now.plus(lifetime));
        return new Issued(device, token);
    }

    private HandheldDevice scoped(long deviceId) {
        HandheldDevice device = em.find(HandheldDevice.class, deviceId);
        if (device == null || device.revoked() || !caller.get().sees(device.driver().depot().code())) {
            throw new NotFound("device", String.valueOf(deviceId));
        }
        return device;
    }

    private String newToken() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The device that sent {@code Authorization: Bearer <token>}; refuses missing, unknown and revoked tokens alike. */
    public HandheldDevice authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new NotAuthenticated("Send the handheld's token as Authorization: Bearer <token>.");
        }
        return em.createNamedQuery(HandheldDevice.BY_TOKEN_HASH, HandheldDevice.class)
                .setParameter("hash", hash(authorization.substring(BEARER.length()).trim())).setParameter("now", Instant.now())
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new NotAuthenticated("The handheld token is unknown, expired or revoked."));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
