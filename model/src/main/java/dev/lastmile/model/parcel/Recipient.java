package dev.lastmile.model.parcel;

/** Who the parcel is for, and how to reach them. */
public record Recipient(String name, String email, String phone) {

    public Recipient {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw new IllegalArgumentException("email is not an email address");
        }
        if (phone != null && !phone.matches("^\\+?[0-9 ()-]{6,20}$")) {
            throw new IllegalArgumentException("phone is not a phone number");
        }
    }
}
