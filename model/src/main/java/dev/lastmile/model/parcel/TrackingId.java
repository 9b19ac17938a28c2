package dev.lastmile.model.parcel;

import dev.lastmile.model.problem.InvalidRequest;

/**
 * A parcel's tracking id: a GS1 Serial Shipping Container Code (SSCC), 18 digits of which the last
 * is a mod-10 check digit. Built from an extension digit, the carrier's GS1 company prefix and a
 * serial reference, so ids are unique worldwide and printable as GS1-128 barcodes.
 */
public record TrackingId(String value) {

    public static final int LENGTH = 18;

    public TrackingId {
        if (value == null || !value.matches("\\d{" + LENGTH + "}")) {
            throw new InvalidRequest("trackingId", "must be " + LENGTH + " digits");
        }
        if (checkDigit(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1) - '0') {
            throw new InvalidRequest("trackingId", "check digit does not match");
        }
    }

    /** Accepts what people type or scanners read: spaces and the GS1 application identifier (00) are dropped. */
    public static TrackingId parse(String text) {
        if (text == null) {
            throw new InvalidRequest("trackingId", "is required");
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (digits.length() == LENGTH + 2 && digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return new TrackingId(digits);
    }

    public static TrackingId sscc(int extensionDigit, String companyPrefix, long serial) {
        if (extensionDigit < 0 || extensionDigit > 9) {
            throw new IllegalArgumentException("extension digit must be 0-9");
        }
        if (companyPrefix == null || !companyPrefix.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("GS1 company prefix must be 6 to 12 digits");
        }
        int serialWidth = LENGTH - 2 - companyPrefix.length();
        String serialText = String.format("%0" + serialWidth + "d", serial);
        if (serial < 0 || serialText.length() > serialWidth) {
            throw new IllegalArgumentException("serial " + serial + " does not fit " + serialWidth + " digits");
        }
        String body = extensionDigit + companyPrefix + serialText;
        return new TrackingId(body + checkDigit(body));
    }

    /** GS1 mod-10: weights 3 and 1 alternate from the rightmost digit of the body. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += digit * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
