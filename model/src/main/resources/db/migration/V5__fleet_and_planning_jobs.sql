-- The full fleet model, asynchronous planning jobs and what a published route carries.
-- Portable across Oracle MySQL 8.0+ and MariaDB 10.6+.

ALTER TABLE depot
  ADD COLUMN opens          TIME        NOT NULL DEFAULT '07:00:00',
  ADD COLUMN closes         TIME        NOT NULL DEFAULT '21:00:00',
  ADD COLUMN distance_model VARCHAR(16) NOT NULL DEFAULT 'STRAIGHT_LINE';

ALTER TABLE vehicle
  ADD COLUMN capacity_litres DOUBLE,
  ADD COLUMN range_km        DOUBLE,
  ADD COLUMN fixed_cost      DECIMAL(10, 2) NOT NULL DEFAULT 0,
  ADD COLUMN cost_per_km     DECIMAL(10, 3) NOT NULL DEFAULT 0.25,
  ADD COLUMN cost_per_hour   DECIMAL(10, 2) NOT NULL DEFAULT 0,
  ADD COLUMN co2_g_per_km    DOUBLE         NOT NULL DEFAULT 0;

ALTER TABLE driver
  ADD COLUMN shift_start    TIME           NOT NULL DEFAULT '08:00:00',
  ADD COLUMN shift_end      TIME           NOT NULL DEFAULT '18:00:00',
  ADD COLUMN break_minutes  INT            NOT NULL DEFAULT 30,
  ADD COLUMN break_earliest TIME           NOT NULL DEFAULT '11:30:00',
  ADD COLUMN break_latest   TIME           NOT NULL DEFAULT '14:00:00',
  ADD COLUMN cost_per_hour  DECIMAL(10, 2) NOT NULL DEFAULT 15;

-- Vehicles and drivers are available every day unless an absence says otherwise.
CREATE TABLE fleet_absence (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id    BIGINT       NOT NULL,
  resource    VARCHAR(8)   NOT NULL,
  resource_id BIGINT       NOT NULL,
  absence_day DATE         NOT NULL,
  reason      VARCHAR(120) NOT NULL,
  CONSTRAINT uq_fleet_absence UNIQUE (resource, resource_id, absence_day),
  CONSTRAINT fk_absence_depot FOREIGN KEY (depot_id) REFERENCES depot (id),
  INDEX ix_absence_day (depot_id, absence_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE planning_job (
  id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  depot_id         BIGINT      NOT NULL,
  plan_day         DATE        NOT NULL,
  status           VARCHAR(12) NOT NULL,
  requested_at     DATETIME(6) NOT NULL,
  finished_at      DATETIME(6),
  budget_ms        BIGINT      NOT NULL,
  elapsed_ms       BIGINT      NOT NULL,
  best_vehicles    INT,
  best_cost        DOUBLE,
  best_distance_km DOUBLE,
  unassigned       INT,
  result           MEDIUMTEXT,
  published_at     DATETIME(6),
  error            VARCHAR(500),
  version          BIGINT      NOT NULL,
  CONSTRAINT fk_job_depot FOREIGN KEY (depot_id) REFERENCES depot (id),
  INDEX ix_job_day (depot_id, plan_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE route
  ADD COLUMN planning_job_id BIGINT,
  ADD COLUMN drive_minutes   DOUBLE         NOT NULL DEFAULT 0,
  ADD COLUMN cost            DECIMAL(12, 2) NOT NULL DEFAULT 0,
  ADD COLUMN co2_kg          DOUBLE         NOT NULL DEFAULT 0,
  ADD COLUMN returns_at      DATETIME(6),
  ADD COLUMN break_at        DATETIME(6),
  ADD COLUMN revision        INT            NOT NULL DEFAULT 1,
  ADD COLUMN revised_at      DATETIME(6),
  ADD COLUMN withdrawn_at    DATETIME(6);

ALTER TABLE route_stop
  ADD COLUMN departs       DATETIME(6),
  ADD COLUMN load_kg_after DOUBLE;

-- Return pickups ride on the same routes: a stop either delivers a parcel or collects a return.
ALTER TABLE route_stop
  ADD COLUMN kind      VARCHAR(8) NOT NULL DEFAULT 'DELIVERY',
  ADD COLUMN return_id BIGINT,
  ADD CONSTRAINT fk_stop_return FOREIGN KEY (return_id) REFERENCES parcel_return (id);

ALTER TABLE parcel_return
  ADD COLUMN pickup_route_id BIGINT;
