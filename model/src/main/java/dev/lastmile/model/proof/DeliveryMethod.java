package dev.lastmile.model.proof;

/** How the parcel was handed over, each with the evidence it needs. */
public enum DeliveryMethod {
    /** To the recipient: their name and signature. */
    RECIPIENT,
    /** To a neighbour: their name, house and signature. */
    NEIGHBOUR,
    /** Left at the recipient's safe place: a photo. */
    SAFE_PLACE,
    /** Into a parcel locker: the compartment. */
    LOCKER,
    /** Without contact: a photo at the door. */
    CONTACTLESS
}
