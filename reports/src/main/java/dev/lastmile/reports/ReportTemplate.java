package dev.lastmile.reports;

/** The report templates shipped in this jar, under {@code /reports/<name>.jrxml}. */
public enum ReportTemplate {
    DAILY_DELIVERIES("daily-deliveries"),
    DELIVERY_CERTIFICATE("delivery-certificate"),
    /** One 4x6 inch page per parcel, filled by {@link dev.lastmile.reports.label.LabelPrinter}. */
    PARCEL_LABEL("parcel-label"),
    /** The parcels offered or handed to a partner 3PL for a day. */
    PARTNER_MANIFEST("partner-manifest"),
    /** A partner's month: its performance and what the carrier owes it (parcels times rate card). */
    PARTNER_SETTLEMENT("partner-settlement"),
    ROUTE_RECONCILIATION("route-reconciliation");

    private final String name;

    ReportTemplate(String name) {
        this.name = name;
    }

    String resource() {
        return "/reports/" + name + ".jrxml";
    }
}
