-- The first schema: one parcel journey through every module.
-- Portable across Oracle MySQL 8.0+ and MariaDB 10.6+: InnoDB, utf8mb4, no vendor-only syntax.

CREATE TABLE serial_block (
  series     VARCHAR(32) NOT NULL PRIMARY KEY,
  next_value BIGINT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO serial_block (series, next_value) VALUES ('parcel', 0), ('return', 0);

CREATE TABLE depot (
  id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code      VARCHAR(16)  NOT NULL,
  name      VARCHAR(120) NOT NULL,
  latitude  DOUBLE       NOT NULL,
  longitude DOUBLE       NOT NULL,
  CONSTRAINT uq_depot_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE vehicle (
  id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id         BIGINT      NOT NULL,
  registration     VARCHAR(16) NOT NULL,
  type             VARCHAR(16) NOT NULL,
  capacity_kg      DOUBLE      NOT NULL,
  capacity_parcels INT         NOT NULL,
  CONSTRAINT uq_vehicle_registration UNIQUE (registration),
  CONSTRAINT fk_vehicle_depot FOREIGN KEY (depot_id) REFERENCES depot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE driver (
  id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id BIGINT       NOT NULL,
  name     VARCHAR(120) NOT NULL,
  CONSTRAINT fk_driver_depot FOREIGN KEY (depot_id) REFERENCES depot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE parcel (
  id                BIGINT       NOT NULL PRIMARY KEY,
  tracking_id       CHAR(18)     NOT NULL,
  shipper_reference VARCHAR(64),
  recipient_name    VARCHAR(120) NOT NULL,
  recipient_email   VARCHAR(254),
  recipient_phone   VARCHAR(32),
  address_line      VARCHAR(200) NOT NULL,
  town              VARCHAR(80)  NOT NULL,
  postcode          VARCHAR(12)  NOT NULL,
  country           CHAR(2)      NOT NULL,
  latitude          DOUBLE       NOT NULL,
  longitude         DOUBLE       NOT NULL,
  weight_kg         DOUBLE       NOT NULL,
  delivery_date     DATE         NOT NULL,
  slot_from         TIME,
  slot_to           TIME,
  depot_id          BIGINT       NOT NULL,
  status            VARCHAR(24)  NOT NULL,
  registered_at     DATETIME(6)  NOT NULL,
  version           BIGINT       NOT NULL,
  CONSTRAINT uq_parcel_tracking_id UNIQUE (tracking_id),
  CONSTRAINT fk_parcel_depot FOREIGN KEY (depot_id) REFERENCES depot (id),
  INDEX ix_parcel_due (depot_id, delivery_date, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE tracking_entry (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tracking_id CHAR(18)     NOT NULL,
  code        VARCHAR(24)  NOT NULL,
  occurred_at DATETIME(6)  NOT NULL,
  description VARCHAR(240) NOT NULL,
  INDEX ix_tracking_entry_parcel (tracking_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE route (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id    BIGINT      NOT NULL,
  vehicle_id  BIGINT      NOT NULL,
  driver_id   BIGINT,
  route_day   DATE        NOT NULL,
  departure   DATETIME(6) NOT NULL,
  distance_km DOUBLE      NOT NULL,
  CONSTRAINT fk_route_depot FOREIGN KEY (depot_id) REFERENCES depot (id),
  CONSTRAINT fk_route_vehicle FOREIGN KEY (vehicle_id) REFERENCES vehicle (id),
  CONSTRAINT fk_route_driver FOREIGN KEY (driver_id) REFERENCES driver (id),
  INDEX ix_route_day (depot_id, route_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE route_stop (
  id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  route_id  BIGINT      NOT NULL,
  seq_no    INT         NOT NULL,
  parcel_id BIGINT      NOT NULL,
  eta       DATETIME(6) NOT NULL,
  CONSTRAINT fk_stop_route FOREIGN KEY (route_id) REFERENCES route (id) ON DELETE CASCADE,
  CONSTRAINT fk_stop_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  CONSTRAINT uq_stop_sequence UNIQUE (route_id, seq_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE delivery_proof (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parcel_id     BIGINT       NOT NULL,
  received_by   VARCHAR(120) NOT NULL,
  latitude      DOUBLE       NOT NULL,
  longitude     DOUBLE       NOT NULL,
  signature_png MEDIUMBLOB   NOT NULL,
  delivered_at  DATETIME(6)  NOT NULL,
  CONSTRAINT uq_proof_parcel UNIQUE (parcel_id),
  CONSTRAINT fk_proof_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  INDEX ix_proof_delivered_at (delivered_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE handoff (
  id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parcel_id         BIGINT      NOT NULL,
  partner_code      VARCHAR(16) NOT NULL,
  partner_reference VARCHAR(64) NOT NULL,
  channel           VARCHAR(8)  NOT NULL,
  accepted_at       DATETIME(6) NOT NULL,
  CONSTRAINT fk_handoff_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE parcel_return (
  id          BIGINT       NOT NULL PRIMARY KEY,
  tracking_id CHAR(18)     NOT NULL,
  parcel_id   BIGINT       NOT NULL,
  reason      VARCHAR(240) NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  opened_at   DATETIME(6)  NOT NULL,
  CONSTRAINT uq_return_tracking_id UNIQUE (tracking_id),
  CONSTRAINT fk_return_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
