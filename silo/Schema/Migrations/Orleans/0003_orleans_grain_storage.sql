-- Grain state for Microsoft.Orleans.Persistence.AdoNet (Npgsql invariant).
--
-- A grain's state row is identified by service id, grain type and grain id. The provider sends the
-- grain id split up: GrainIdN0/GrainIdN1 hold a Guid or integer key, GrainIdExtensionString holds
-- the key extension or the whole key of string-keyed grains (NULL when there is none). GrainIdHash
-- and GrainTypeHash are the provider's 32-bit hashes of those values, used only to narrow lookups.
--
-- Optimistic concurrency: the row's integer version is the grain's ETag. Writes, clears and deletes
-- name the version they expect; a statement that does not apply returns no version (or NULL), which
-- the provider turns into an InconsistentStateException.

CREATE TABLE orleans_grain_state
(
    service_id      varchar(150)  NOT NULL,
    grain_type_hash integer       NOT NULL,
    grain_type      varchar(512)  NOT NULL,
    grain_id_hash   integer       NOT NULL,
    grain_id_n0     bigint        NOT NULL,
    grain_id_n1     bigint        NOT NULL,
    grain_id_ext    varchar(1024) NULL,
    payload         bytea         NULL,
    version         integer       NOT NULL,
    modified_at     timestamptz   NOT NULL DEFAULT now()
);

-- At most one row per grain; a NULL extension counts as a value of its own (PostgreSQL 15+), so two
-- silos racing to create the same grain's first state cannot both succeed.
CREATE UNIQUE INDEX orleans_grain_state_key
    ON orleans_grain_state (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                            grain_type, grain_id_ext)
    NULLS NOT DISTINCT;

-- Stores a grain's state. With p_expected_version NULL the grain has no stored row yet and one is
-- created at version 1; otherwise the row must still be at p_expected_version and moves to the next
-- version. Returns the new version, or NULL when the expectation did not hold.
CREATE FUNCTION orleans_grain_state_write(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       varchar,
    p_grain_id_ext     varchar,
    p_service_id       varchar,
    p_expected_version integer,
    p_payload          bytea)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO orleans_grain_state
            (service_id, grain_type_hash, grain_type, grain_id_hash, grain_id_n0, grain_id_n1,
             grain_id_ext, payload, version)
        VALUES
            (p_service_id, p_grain_type_hash, p_grain_type, p_grain_id_hash, p_grain_id_n0, p_grain_id_n1,
             p_grain_id_ext, p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO v_new_version;
    ELSE
        UPDATE orleans_grain_state
           SET payload = p_payload,
               version = version + 1,
               modified_at = now()
         WHERE grain_id_hash = p_grain_id_hash
           AND grain_type_hash = p_grain_type_hash
           AND service_id = p_service_id
           AND grain_id_n0 = p_grain_id_n0
           AND grain_id_n1 = p_grain_id_n1
           AND grain_type = p_grain_type
           AND grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
           AND version = p_expected_version
           AND version < 2147483647
        RETURNING version INTO v_new_version;
    END IF;

    RETURN v_new_version;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Write state. One row, one column: the new version, or NULL on a version conflict.
('WriteToStorageKey', $sql$
SELECT orleans_grain_state_write(
    @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$sql$),

-- Read state: the payload (NULL after a clear) and the current version; no row when the grain has
-- never been stored (or its row was deleted).
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary",
       version AS "Version"
  FROM orleans_grain_state
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString;
$sql$),

-- Clear state (DeleteStateOnClear = false): keeps the row but drops the payload and moves to the
-- next version, which is returned. No row when the expected version did not match.
('ClearStorageKey', $sql$
UPDATE orleans_grain_state
   SET payload = NULL,
       version = version + 1,
       modified_at = now()
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
   AND version < 2147483647
RETURNING version AS "NewGrainStateVersion";
$sql$),

-- Delete state (DeleteStateOnClear = true): removes the row if it is still at the expected version.
-- Returns a value different from that version on success (the provider only checks that it
-- differs), and no row on a conflict.
('DeleteStorageKey', $sql$
DELETE FROM orleans_grain_state
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version::bigint + 1 AS "NewGrainStateVersion";
$sql$);
