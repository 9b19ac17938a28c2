package dev.lastmile.model.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A recipient's email address or phone number that asked for no more messages. */
@Entity
@Table(name = "notification_opt_out")
public class OptOut {

    @Id
    @Column(length = 254)
    private String address;

    @Column(name = "opted_out_at", nullable = false)
    private Instant optedOutAt;

    protected OptOut() {
    }

    public OptOut(String address, Instant optedOutAt) {
        this.address = normalise(address);
        this.optedOutAt = optedOutAt;
    }

    /** Addresses compare without case or spaces: "Ada@Example.org " is "ada@example.org". */
    public static String normalise(String address) {
        return address.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }
}
