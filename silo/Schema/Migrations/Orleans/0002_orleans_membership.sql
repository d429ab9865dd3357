-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (Npgsql invariant).
--
-- One version row per cluster (DeploymentId = ClusterOptions.ClusterId) acts as the table-wide etag:
-- every membership change must name the version it was based on and bumps it by one, so concurrent
-- silos can never both apply a change based on the same view. IAmAlive heartbeats do not touch it.
--
-- Status values are Orleans' SiloStatus numbers (3 = Active, 6 = Dead). SuspectTimes is the
-- provider's own text encoding ("silo,time|silo,time"); the database only stores it.

CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150) NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now(),

    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership
(
    deployment_id   varchar(150)  NOT NULL,
    address         varchar(45)   NOT NULL,
    port            integer       NOT NULL,
    generation      integer       NOT NULL,
    silo_name       varchar(150)  NOT NULL,
    host_name       varchar(150)  NOT NULL,
    status          integer       NOT NULL,
    proxy_port      integer       NOT NULL DEFAULT 0,
    suspect_times   varchar(8000) NULL,
    start_time      timestamptz   NOT NULL,
    i_am_alive_time timestamptz   NOT NULL,

    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

-- Adds a silo row, but only if the cluster version still equals p_expected_version; the version is
-- bumped in the same step. Returns false (and changes nothing) on a stale version or when the silo
-- row already exists. Locking the version row first serialises all membership writers of a cluster.
CREATE FUNCTION orleans_membership_insert_silo(
    p_deployment_id    varchar,
    p_address          varchar,
    p_port             integer,
    p_generation       integer,
    p_silo_name        varchar,
    p_host_name        varchar,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id
       AND version = p_expected_version
       AND version < 2147483647;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        -- The silo is already listed: undo the version bump above.
        RAISE EXCEPTION USING ERRCODE = 'GO409', MESSAGE = 'membership row already exists';
    END IF;

    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'GO409' THEN
        RETURN false;
END
$fn$;

-- Changes a silo's status, suspicion list and heartbeat, only if the cluster version still equals
-- p_expected_version (bumped in the same step). Returns false and changes nothing when the version
-- is stale or the silo row does not exist. The heartbeat never moves backwards.
CREATE FUNCTION orleans_membership_update_silo(
    p_deployment_id    varchar,
    p_address          varchar,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    varchar,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id
       AND version = p_expected_version
       AND version < 2147483647;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = GREATEST(i_am_alive_time, p_i_am_alive_time)
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        -- Unknown silo: undo the version bump above.
        RAISE EXCEPTION USING ERRCODE = 'GO404', MESSAGE = 'membership row not found';
    END IF;

    RETURN true;
EXCEPTION
    WHEN SQLSTATE 'GO404' THEN
        RETURN false;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row if it is missing. One boolean: true when it was created now.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted";
$sql$),

-- Registers a silo against an expected table version. One boolean: true on success.
('InsertMembershipKey', $sql$
SELECT orleans_membership_insert_silo(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Succeeded";
$sql$),

-- Updates a silo against an expected table version. One boolean: true on success.
('UpdateMembershipKey', $sql$
SELECT orleans_membership_update_silo(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Succeeded";
$sql$),

-- Heartbeat: moves the silo's IAmAlive time forward without changing the table version.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
   SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation;
$sql$),

-- One silo plus the table version. The version row drives the query, so exactly one row comes back
-- even when the silo is unknown (its columns are then NULL, which the provider reads as "no entry").
('MembershipReadRowKey', $sql$
SELECT m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId;
$sql$),

-- Every silo of the cluster plus the table version, read in one snapshot; one all-NULL silo row
-- when the cluster has no silos yet.
('MembershipReadAllKey', $sql$
SELECT m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId;
$sql$),

-- Gateways for clients: silos in the given status (the provider passes Active) that listen on a
-- gateway port.
('GatewaysQueryKey', $sql$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0;
$sql$),

-- Forgets a whole cluster: the version row, and with it (cascade) all its silo rows.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId;
$sql$),

-- Bulk pruning fallback (used by the provider only when CleanupDefunctSiloEntryKey is absent):
-- removes Dead silos that started and last heartbeated before the cutoff and carry no suspicion
-- votes (votes cannot be dated safely in SQL, so such rows are left for the per-row query).
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
   AND COALESCE(btrim(suspect_times), '') = '';
$sql$),

-- Per-row pruning: the provider picks Dead silos older than the cutoff from a full read and sends
-- back the values it saw; the row is removed only if it is still exactly that Dead row.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND NULLIF(btrim(suspect_times), '') IS NOT DISTINCT FROM NULLIF(btrim(@SuspectTimes), '');
$sql$);
