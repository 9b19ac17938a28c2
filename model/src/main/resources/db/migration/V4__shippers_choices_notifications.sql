-- Shippers and their keys, delivery choices, address checks, tracking guard and the notification outbox.
-- Portable across Oracle MySQL 8.0+ and MariaDB 10.6+.

CREATE TABLE shipper (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code           VARCHAR(16)  NOT NULL,
  name           VARCHAR(120) NOT NULL,
  api_key_hash   CHAR(64)     NOT NULL,
  webhook_url    VARCHAR(500),
  webhook_secret VARCHAR(64),
  created_at     DATETIME(6)  NOT NULL,
  CONSTRAINT uq_shipper_code UNIQUE (code),
  CONSTRAINT uq_shipper_key UNIQUE (api_key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A parcel whose address could not be placed has no location and no depot until staff place it.
ALTER TABLE parcel
  MODIFY COLUMN latitude  DOUBLE NULL,
  MODIFY COLUMN longitude DOUBLE NULL,
  MODIFY COLUMN depot_id  BIGINT NULL,
  ADD COLUMN shipper_id          BIGINT,
  ADD COLUMN language            VARCHAR(8) NOT NULL DEFAULT 'en',
  ADD COLUMN volume_litres       DOUBLE,
  ADD COLUMN eta_from            DATETIME(6),
  ADD COLUMN eta_to              DATETIME(6),
  ADD COLUMN label_printed_at    DATETIME(6),
  ADD COLUMN collection_point_id BIGINT,
  ADD COLUMN compartment_size    VARCHAR(8),
  ADD CONSTRAINT fk_parcel_shipper FOREIGN KEY (shipper_id) REFERENCES shipper (id),
  ADD CONSTRAINT uq_parcel_shipper_reference UNIQUE (shipper_id, shipper_reference),
  ADD INDEX ix_parcel_status (status);

-- Bookable delivery slots: capacity per depot, day and slot, taken as recipients choose.
CREATE TABLE delivery_slot (
  id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id  BIGINT NOT NULL,
  slot_day  DATE   NOT NULL,
  slot_from TIME   NOT NULL,
  slot_to   TIME   NOT NULL,
  capacity  INT    NOT NULL,
  booked    INT    NOT NULL,
  version   BIGINT NOT NULL,
  CONSTRAINT uq_delivery_slot UNIQUE (depot_id, slot_day, slot_from),
  CONSTRAINT fk_slot_depot FOREIGN KEY (depot_id) REFERENCES depot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Pickup points (a counter) and parcel lockers (compartments of sizes).
CREATE TABLE collection_point (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code         VARCHAR(16)  NOT NULL,
  kind         VARCHAR(16)  NOT NULL,
  name         VARCHAR(120) NOT NULL,
  address_line VARCHAR(200) NOT NULL,
  town         VARCHAR(80)  NOT NULL,
  postcode     VARCHAR(12)  NOT NULL,
  country      CHAR(2)      NOT NULL,
  latitude     DOUBLE       NOT NULL,
  longitude    DOUBLE       NOT NULL,
  CONSTRAINT uq_collection_point_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE compartment_pool (
  id                  BIGINT     NOT NULL AUTO_INCREMENT PRIMARY KEY,
  collection_point_id BIGINT     NOT NULL,
  size                VARCHAR(8) NOT NULL,
  capacity            INT        NOT NULL,
  reserved            INT        NOT NULL,
  version             BIGINT     NOT NULL,
  CONSTRAINT uq_compartment_pool UNIQUE (collection_point_id, size),
  CONSTRAINT fk_pool_point FOREIGN KEY (collection_point_id) REFERENCES collection_point (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE parcel
  ADD CONSTRAINT fk_parcel_collection_point FOREIGN KEY (collection_point_id) REFERENCES collection_point (id);

-- Every change of a delivery choice: what, by whom, when.
CREATE TABLE delivery_choice (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parcel_id BIGINT       NOT NULL,
  kind      VARCHAR(24)  NOT NULL,
  detail    VARCHAR(400) NOT NULL,
  made_by   VARCHAR(64)  NOT NULL,
  made_at   DATETIME(6)  NOT NULL,
  CONSTRAINT fk_choice_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  INDEX ix_choice_parcel (parcel_id, made_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Wrong postcodes per tracking id: guessing is throttled.
CREATE TABLE tracking_guard (
  tracking_id    CHAR(18)    NOT NULL PRIMARY KEY,
  failures       INT         NOT NULL,
  window_started DATETIME(6) NOT NULL,
  blocked_until  DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The transactional outbox: written with the change that caused it, sent after commit.
CREATE TABLE notification (
  id              BIGINT       NOT NULL PRIMARY KEY,
  event_key       VARCHAR(120) NOT NULL,
  channel         VARCHAR(8)   NOT NULL,
  template        VARCHAR(32)  NOT NULL,
  language        VARCHAR(8)   NOT NULL,
  parcel_id       BIGINT,
  shipper_id      BIGINT,
  address         VARCHAR(500) NOT NULL,
  payload         TEXT         NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL,
  next_attempt_at DATETIME(6)  NOT NULL,
  last_error      VARCHAR(500),
  created_at      DATETIME(6)  NOT NULL,
  sent_at         DATETIME(6),
  CONSTRAINT uq_notification_event UNIQUE (event_key),
  INDEX ix_notification_due (status, next_attempt_at),
  INDEX ix_notification_parcel (parcel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE notification_opt_out (
  address      VARCHAR(254) NOT NULL PRIMARY KEY,
  opted_out_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE intake_upload (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  shipper_id  BIGINT      NOT NULL,
  received_at DATETIME(6) NOT NULL,
  rows_total  INT         NOT NULL,
  created     INT         NOT NULL,
  existing    INT         NOT NULL,
  rejected    INT         NOT NULL,
  report      MEDIUMTEXT  NOT NULL,
  CONSTRAINT fk_upload_shipper FOREIGN KEY (shipper_id) REFERENCES shipper (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO serial_block (series, next_value) VALUES ('notification', 0);
