-- Catalogue of SQL statements used by the Orleans ADO.NET providers (clustering, grain storage,
-- reminders). The providers ship no SQL of their own: at start-up they run
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- (unquoted, so it resolves to the lowercase names below) and look the statements up by key.
-- Later migrations add their own rows; the statements bind parameters as @Name (Npgsql syntax).
CREATE TABLE orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,

    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);
