package dev.lastmile.orders.choice.control;

import dev.lastmile.model.access.Secret;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recipient's self-service link: the tracking id and an HMAC of it, so whoever holds the link
 * (from an email or SMS) may change delivery choices without an account, and nobody can forge one
 * for another parcel. Every instance of a cluster must share the secret; there is no default (see {@link Secret}).
 */
@ApplicationScoped
public class SelfServiceLinks {

    public static final String SETTING = "lastmile.links.secret";

    @Inject
    @ConfigProperty(name = "lastmile.links.secret", defaultValue = "")
    String secret;

    @Inject
    @ConfigProperty(name = "lastmile.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** One keyed MAC per thread: bulk intake signs a link per parcel, and setting up a MAC costs more than using it. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public String signatureOf(TrackingId trackingId) {
        byte[] digest = macs.get().doFinal(("choices:" + trackingId.value()).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Secret.require(SETTING, secret), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A wrong signature answers like an unknown parcel: the link confirms nothing. */
    public void verify(TrackingId trackingId, String signature) {
        byte[] expected = signatureOf(trackingId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new NotFound("parcel", trackingId.value());
        }
    }

    public String linkFor(TrackingId trackingId) {
        return publicUrl + "/choices.html?id=" + trackingId.value() + "&sig=" + signatureOf(trackingId);
    }

    public String trackingPage(TrackingId trackingId) {
        return publicUrl + "/track.html?id=" + trackingId.value();
    }

    public String proofLink(TrackingId trackingId) {
        return publicUrl + "/api/proofs/" + trackingId.value();
    }
}
