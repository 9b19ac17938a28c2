package dev.lastmile.reports;

/** The report templates shipped in this jar, under {@code /reports/<name>.jrxml}. */
public enum ReportTemplate {
    DAILY_DELIVERIES("daily-deliveries"),
    DELIVERY_CERTIFICATE("delivery-certificate"),
    /** One 4x6 inch page per parcel, filled by {@link dev.lastmile.reports.label.LabelPrinter}. */
    PARCEL_LABEL("parcel-label"),
    ROUTE_RECONCILIATION("route-reconciliation");

    private final String name;

    ReportTemplate(String name) {
        this.name = name;
    }

    String resource() {
        return "/reports/" + name + ".jrxml";
    }
}
