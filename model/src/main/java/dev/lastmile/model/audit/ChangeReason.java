package dev.lastmile.model.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * The reason a person gave for the change this request makes (a comment on a hold, a rejected exception).
 * The web layer's audit of every change writes it into the audit entry, so a reason is recorded with the
 * change itself and not as a second entry.
 */
@RequestScoped
public class ChangeReason {

    private static final int LONGEST = 400;

    private String reason;

    public void give(String text) {
        if (text != null && !text.isBlank()) {
            String trimmed = text.strip();
            reason = trimmed.length() > LONGEST ? trimmed.substring(0, LONGEST) : trimmed;
        }
    }

    /** The reason given, or {@code null}. */
    public String given() {
        return reason;
    }
}
