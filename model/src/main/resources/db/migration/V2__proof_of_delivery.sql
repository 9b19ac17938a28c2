-- Proof of delivery: handheld devices, their scan events, outcomes, failed attempts and exceptions.

CREATE TABLE handheld_device (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  driver_id  BIGINT      NOT NULL,
  label      VARCHAR(64) NOT NULL,
  token_hash CHAR(64)    NOT NULL,
  issued_at  DATETIME(6) NOT NULL,
  revoked_at DATETIME(6),
  CONSTRAINT uq_device_token UNIQUE (token_hash),
  CONSTRAINT fk_device_driver FOREIGN KEY (driver_id) REFERENCES driver (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every event a handheld sent, once: (device, device's own event id) is the idempotency key.
CREATE TABLE scan_event (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  device_id       BIGINT      NOT NULL,
  device_event_id VARCHAR(64) NOT NULL,
  type            VARCHAR(24) NOT NULL,
  tracking_id     CHAR(18),
  route_id        BIGINT,
  occurred_at     DATETIME(6) NOT NULL,
  received_at     DATETIME(6) NOT NULL,
  latitude        DOUBLE,
  longitude       DOUBLE,
  accuracy_m      DOUBLE,
  CONSTRAINT uq_scan_event UNIQUE (device_id, device_event_id),
  CONSTRAINT fk_scan_device FOREIGN KEY (device_id) REFERENCES handheld_device (id),
  INDEX ix_scan_parcel (tracking_id, occurred_at),
  INDEX ix_scan_route (route_id, type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE parcel
  ADD COLUMN declared_value   DECIMAL(12, 2),
  ADD COLUMN delivery_pin     CHAR(6),
  ADD COLUMN failed_attempts  INT NOT NULL DEFAULT 0,
  ADD COLUMN hold_until       DATE,
  ADD COLUMN instructions     VARCHAR(240),
  ADD COLUMN safe_place       VARCHAR(120),
  ADD COLUMN neighbour        VARCHAR(120),
  ADD COLUMN locker           VARCHAR(32),
  ADD COLUMN contactless      BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE route
  ADD COLUMN closed_at DATETIME(6);

ALTER TABLE delivery_proof
  MODIFY COLUMN signature_png MEDIUMBLOB NULL,
  ADD COLUMN method             VARCHAR(16) NOT NULL DEFAULT 'RECIPIENT',
  ADD COLUMN neighbour_house    VARCHAR(80),
  ADD COLUMN locker_compartment VARCHAR(32),
  ADD COLUMN accuracy_m         DOUBLE,
  ADD COLUMN route_id           BIGINT,
  ADD COLUMN driver_id          BIGINT,
  ADD CONSTRAINT fk_proof_route FOREIGN KEY (route_id) REFERENCES route (id),
  ADD CONSTRAINT fk_proof_driver FOREIGN KEY (driver_id) REFERENCES driver (id);

CREATE TABLE pod_photo (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proof_id   BIGINT,
  attempt_id BIGINT,
  jpeg       MEDIUMBLOB  NOT NULL,
  taken_at   DATETIME(6) NOT NULL,
  INDEX ix_photo_proof (proof_id),
  INDEX ix_photo_attempt (attempt_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE failed_attempt (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parcel_id    BIGINT      NOT NULL,
  route_id     BIGINT,
  driver_id    BIGINT,
  reason       VARCHAR(24) NOT NULL,
  attempt_no   INT         NOT NULL,
  next_step    VARCHAR(24) NOT NULL,
  attempted_at DATETIME(6) NOT NULL,
  latitude     DOUBLE      NOT NULL,
  longitude    DOUBLE      NOT NULL,
  CONSTRAINT fk_attempt_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  INDEX ix_attempt_route (route_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Deliveries that staff should look at, and parcels missing at day close.
CREATE TABLE pod_exception (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(32)  NOT NULL,
  parcel_id   BIGINT       NOT NULL,
  route_id    BIGINT,
  proof_id    BIGINT,
  detail      VARCHAR(400) NOT NULL,
  raised_at   DATETIME(6)  NOT NULL,
  resolved_at DATETIME(6),
  CONSTRAINT fk_exception_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  INDEX ix_exception_open (resolved_at, raised_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
