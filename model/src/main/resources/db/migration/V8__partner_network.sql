-- The partner 3PL network: terms (coverage, services, capacity, rate card, SLA), callbacks, offers that can be
-- refused, the partner's status reports (idempotent by its own event id) and what a handoff costs.

ALTER TABLE partner
  ADD COLUMN countries          VARCHAR(200)  NOT NULL DEFAULT '',
  ADD COLUMN postcode_prefixes  VARCHAR(4000) NOT NULL DEFAULT '',
  ADD COLUMN services           VARCHAR(60)   NOT NULL DEFAULT '',
  ADD COLUMN daily_capacity     INT           NOT NULL DEFAULT 0,
  ADD COLUMN sla_days           INT           NOT NULL DEFAULT 1,
  ADD COLUMN price_per_parcel   DECIMAL(10,2) NOT NULL DEFAULT 0,
  ADD COLUMN weight_bands       VARCHAR(500)  NOT NULL DEFAULT '',
  ADD COLUMN same_day_surcharge DECIMAL(10,2) NOT NULL DEFAULT 0,
  ADD COLUMN weekend_surcharge  DECIMAL(10,2) NOT NULL DEFAULT 0,
  ADD COLUMN currency           CHAR(3)       NOT NULL DEFAULT 'EUR',
  ADD COLUMN callback_kind      VARCHAR(8)    NOT NULL DEFAULT 'NONE',
  ADD COLUMN callback_url       VARCHAR(500),
  ADD COLUMN callback_secret    VARCHAR(64);

ALTER TABLE partner_offer
  ADD COLUMN reason          VARCHAR(300),
  ADD COLUMN offered_for     DATE,
  ADD COLUMN price_base      DECIMAL(10,2),
  ADD COLUMN price_surcharge DECIMAL(10,2),
  ADD COLUMN refused_at      DATETIME(6),
  ADD COLUMN refusal_reason  VARCHAR(300),
  -- The manifest and the remaining capacity of a partner's day.
  ADD INDEX ix_offer_partner_day (partner_id, offered_for);

ALTER TABLE handoff
  ADD COLUMN partner_id      BIGINT,
  ADD COLUMN status          VARCHAR(24),
  ADD COLUMN status_at       DATETIME(6),
  ADD COLUMN return_due      BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN recalled_at     DATETIME(6),
  ADD COLUMN price_base      DECIMAL(10,2),
  ADD COLUMN price_surcharge DECIMAL(10,2),
  ADD COLUMN offered_for     DATE,
  ADD INDEX ix_handoff_parcel (parcel_id, accepted_at),
  ADD INDEX ix_handoff_partner_accepted (partner_code, accepted_at);

-- Only reports that were taken are stored: the unique key makes a report sent twice count once, on every instance.
CREATE TABLE partner_event (
  id          BIGINT      NOT NULL PRIMARY KEY,
  partner_id  BIGINT      NOT NULL,
  event_id    VARCHAR(64) NOT NULL,
  handoff_id  BIGINT      NOT NULL,
  status      VARCHAR(24) NOT NULL,
  occurred_at DATETIME(6) NOT NULL,
  received_at DATETIME(6) NOT NULL,
  outcome     VARCHAR(8)  NOT NULL,
  channel     VARCHAR(8)  NOT NULL,
  CONSTRAINT uq_partner_event UNIQUE (partner_id, event_id),
  INDEX ix_partner_event_handoff (handoff_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO serial_block (series, next_value) VALUES ('partner_event', 0);

-- Recalls and redirections for a partner travel through the outbox like every other message.
ALTER TABLE notification ADD COLUMN partner_id BIGINT;

-- Handoffs and offers made before this version: their partner and manifest day, so recalls, statements and the
-- capacity count see them like new ones.
UPDATE handoff h JOIN partner p ON p.code = h.partner_code SET h.partner_id = p.id WHERE h.partner_id IS NULL;
UPDATE partner_offer o JOIN parcel p ON p.id = o.parcel_id SET o.offered_for = p.delivery_date WHERE o.offered_for IS NULL;
