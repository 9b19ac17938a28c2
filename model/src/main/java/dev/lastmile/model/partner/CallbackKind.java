package dev.lastmile.model.partner;

/** How the carrier tells a partner of a recall or a redirection: not at all, a signed JSON webhook, or a SOAP call. */
public enum CallbackKind {
    NONE,
    WEBHOOK,
    SOAP
}
