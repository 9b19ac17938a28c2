package dev.lastmile.access.token;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import dev.lastmile.model.access.Secret;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CallerKind;
import dev.lastmile.model.access.Role;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the API's bearer tokens: compact JWS (RFC 7515) with HMAC-SHA256, the JDK's own
 * primitives. The header's {@code kid} names the key, so a carrier rotates the signing key by making
 * the old one a "previous" key: tokens signed with it stay valid until they expire.
 */
public final class TokenSigner {

    public static final String ISSUER = "lastmile";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** Json.createReader looks the provider up on every call; every request verifies a token. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String currentKid;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    /** One keyed MAC per key and thread: setting a MAC up costs more than using it. */
    private final Map<String, ThreadLocal<Mac>> macs = new LinkedHashMap<>();

    /** @param previous keys still accepted for verification (rotation), may be empty */
    public TokenSigner(byte[] current, List<byte[]> previous) {
        this.currentKid = kid(current);
        keys.put(currentKid, current);
        previous.forEach(key -> keys.putIfAbsent(kid(key), key));
        keys.forEach((kid, key) -> macs.put(kid, ThreadLocal.withInitial(() -> newMac(key))));
    }

    public static TokenSigner fromSettings(String setting, String current, Optional<String> previous) {
        List<byte[]> older = new ArrayList<>();
        previous.ifPresent(list -> {
            for (String key : list.split(",")) {
                if (!key.isBlank()) {
                    older.add(Secret.require(setting + " (previous)", key));
                }
            }
        });
        return new TokenSigner(Secret.require(setting, current), older);
    }

    public String issue(Caller caller, int epoch, Instant now, Duration lifetime) {
        JsonArrayBuilder roles = JSON.createArrayBuilder();
        caller.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        JsonArrayBuilder depots = JSON.createArrayBuilder();
        caller.depots().stream().sorted().forEach(depots::add);
        String header = JSON.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").add("kid", currentKid).build().toString();
        String payload = JSON.createObjectBuilder().add("iss", ISSUER).add("sub", caller.name())
                .add("knd", caller.kind().name()).add("aid", caller.accountId()).add("roles", roles)
                .add("depots", depots).add("all", caller.allDepots()).add("epc", epoch)
                .add("iat", now.getEpochSecond()).add("exp", now.plus(lifetime).getEpochSecond())
                .add("jti", UUID.randomUUID().toString()).build().toString();
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(mac(currentKid, signingInput));
    }

    /** The token's claims if it is well-formed, signed by one of our keys and not expired; empty otherwise. */
    public Optional<TokenClaims> verify(String token, Instant now) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            JsonObject header = json(parts[0]);
            String kid = header.getString("kid", "");
            if (!keys.containsKey(kid) || !"HS256".equals(header.getString("alg", ""))) {
                return Optional.empty();
            }
            byte[] expected = mac(kid, parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = json(parts[1]);
            Instant expiresAt = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
            if (!ISSUER.equals(claims.getString("iss", "")) || !now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            Set<Role> roles = claims.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                    .map(role -> Role.valueOf(role.getString())).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            Set<String> depots = claims.getJsonArray("depots").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).collect(Collectors.toSet());
            Caller caller = new Caller(CallerKind.valueOf(claims.getString("knd")), claims.getString("sub"),
                    claims.getJsonNumber("aid").longValue(), roles, depots, claims.getBoolean("all"));
            return Optional.of(new TokenClaims(caller, claims.getInt("epc"), expiresAt, claims.getString("jti")));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static JsonObject json(String part) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(B64D.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private byte[] mac(String kid, String input) {
        return macs.get(kid).get().doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kid(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
