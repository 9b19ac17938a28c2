package dev.lastmile.reports;

/** The report templates shipped in this jar, under {@code /reports/<name>.jrxml}. */
public enum ReportTemplate {
    DAILY_DELIVERIES("daily-deliveries"),
    DELIVERY_CERTIFICATE("delivery-certificate"),
    ROUTE_RECONCILIATION("route-reconciliation");

    private final String name;

    ReportTemplate(String name) {
        this.name = name;
    }

    String resource() {
        return "/reports/" + name + ".jrxml";
    }
}
