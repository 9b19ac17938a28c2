package dev.lastmile.model.problem;

/** An upload beyond what one request may carry (rows or bytes). */
public class PayloadTooLarge extends DomainException {

    public PayloadTooLarge(String detail) {
        super("payload-too-large", "Upload too large", detail);
    }
}
