package dev.lastmile.access.signin.oidc;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * A public key from the provider's JWKS (RFC 7517) that can check ID token signatures: RSA for RS256, P-256 EC for
 * ES256 (RFC 7518 section 3).
 *
 * @param keyId     {@code kid}, null when the set does not name its keys
 * @param algorithm the one JWS algorithm this key signs with
 */
record JsonWebKey(String keyId, JwsAlgorithm algorithm, PublicKey key) {

    /** RFC 7518 section 3.3: RSA keys for RS256 are at least 2048 bits. */
    private static final int MIN_RSA_BITS = 2048;
    private static final int P256_COORDINATE_BYTES = 32;

    /** The JWS algorithms Lastmile accepts; {@code none} and the HMAC family are refused by not being here. */
    enum JwsAlgorithm {
        RS256("SHA256withRSA"),
        /** The JDK's P1363 format is JOSE's R||S signature (RFC 7518 section 3.4), so no DER re-encoding is needed. */
        ES256("SHA256withECDSAinP1363Format");

        private final String jcaName;

        JwsAlgorithm(String jcaName) {
            this.jcaName = jcaName;
        }

        static Optional<JwsAlgorithm> named(String name) {
            for (JwsAlgorithm algorithm : values()) {
                if (algorithm.name().equals(name)) {
                    return Optional.of(algorithm);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The key, when it is a well-formed signing key of a kind Lastmile can use. Anything else (encryption keys,
     * symmetric keys, other curves, broken entries) is skipped rather than refused: the provider may publish it for
     * other clients, and one odd entry must not make the keys beside it unusable.
     */
    static Optional<JsonWebKey> from(JsonObject jwk) {
        if ("enc".equals(text(jwk, "use"))) {
            return Optional.empty();
        }
        try {
            Optional<JsonWebKey> key = switch (String.valueOf(text(jwk, "kty"))) {
                case "RSA" -> Optional.of(rsa(jwk));
                case "EC" -> "P-256".equals(text(jwk, "crv")) ? Optional.of(ec(jwk)) : Optional.empty();
                default -> Optional.empty();
            };
            String declared = text(jwk, "alg");
            return key.filter(usable -> declared == null || usable.algorithm().name().equals(declared));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean verifies(byte[] signingInput, byte[] signature) {
        if (algorithm == JwsAlgorithm.ES256 && signature.length != 2 * P256_COORDINATE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static JsonWebKey rsa(JsonObject jwk) throws GeneralSecurityException {
        RSAPublicKeySpec spec = new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e"));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
        if (key.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("RSA key shorter than " + MIN_RSA_BITS + " bits");
        }
        return new JsonWebKey(text(jwk, "kid"), JwsAlgorithm.RS256, key);
    }

    private static JsonWebKey ec(JsonObject jwk) throws GeneralSecurityException {
        byte[] x = decoded(jwk, "x");
        byte[] y = decoded(jwk, "y");
        if (x.length != P256_COORDINATE_BYTES || y.length != P256_COORDINATE_BYTES) {
            throw new IllegalArgumentException("P-256 coordinates must be " + P256_COORDINATE_BYTES + " bytes");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPublicKeySpec spec = new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)),
                parameters.getParameterSpec(ECParameterSpec.class));
        return new JsonWebKey(text(jwk, "kid"), JwsAlgorithm.ES256, KeyFactory.getInstance("EC").generatePublic(spec));
    }

    private static BigInteger unsigned(JsonObject jwk, String member) {
        return new BigInteger(1, decoded(jwk, member));
    }

    private static byte[] decoded(JsonObject jwk, String member) {
        String value = text(jwk, member);
        if (value == null) {
            throw new IllegalArgumentException("missing member " + member);
        }
        return Base64.getUrlDecoder().decode(value);
    }

    private static String text(JsonObject jwk, String member) {
        return jwk.get(member) instanceof JsonString value ? value.getString() : null;
    }
}
