package dev.lastmile.model.notify;

/** How a notification travels: to a recipient by email or SMS, to a shipper by signed webhook. */
public enum Channel { EMAIL, SMS, WEBHOOK }
