package dev.lastmile.model.notify;

/** How a notification travels: to a recipient by email or SMS, to a shipper by signed webhook, to a
 * partner 3PL by its callback (signed webhook or SOAP). */
public enum Channel { EMAIL, SMS, WEBHOOK, PARTNER }
