-- Reminders for Microsoft.Orleans.Reminders.AdoNet (Npgsql invariant).
--
-- GrainId is the grain id's text form; GrainHash is its uniform hash as a signed 32-bit integer, which
-- the reminder service uses to split the reminders among silos by ring ranges. Period is in
-- milliseconds. The integer version is the reminder's ETag: every upsert changes it, and a delete
-- must name the current one.

CREATE TABLE orleans_reminder
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,

    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Range reads by ring position.
CREATE INDEX orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates or replaces a reminder. One row: the reminder's new version ("Version").
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version    = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING r.version AS "Version";
$sql$),

-- All reminders of one grain.
('ReadReminderRowsKey', $sql$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId;
$sql$),

-- One reminder of one grain; no row when it does not exist.
('ReadReminderRowKey', $sql$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
   AND reminder_name = @ReminderName;
$sql$),

-- Reminders in the ring range (BeginHash, EndHash] when the range does not wrap in signed order
-- (the provider picks this query when (int)BeginHash < (int)EndHash).
('ReadRangeRows1Key', $sql$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash
   AND grain_hash <= @EndHash;
$sql$),

-- Reminders in a range that wraps around in signed order: above BeginHash or up to EndHash.
-- With BeginHash = EndHash this is the whole ring.
('ReadRangeRows2Key', $sql$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
  FROM orleans_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

-- Removes a reminder if it is still at the given version. Always one row, one boolean: whether a
-- reminder was removed.
('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Removed";
$sql$),

-- Removes every reminder of the service.
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId;
$sql$);
