package dev.lastmile.model.live;

/**
 * How close the van is to a stop, which sets how narrow the window told to the recipient is: the plan's hour when
 * the van leaves, half an hour when it is a few stops away, "you're next" when theirs is the next stop.
 */
public enum WindowStage {
    HOUR, HALF_HOUR, NEXT
}
