-- The audit journal in PostgreSQL (AUDIT_SINK=postgres): docs/security.md, "The audit journal".
-- Applied by `npm run audit:migrate` as the owner of the database, in one transaction, every
-- time: each statement is idempotent. The application never owns these tables.
--
-- One hash chain per writer (a gateway process): records carry (writer_id, seq, prev_hash),
-- seals are HMAC checkpoints per writer, and an anchor per writer stands for a purged prefix.

CREATE SCHEMA IF NOT EXISTS passerelle_audit;

-- Roles without login: each process logs in as a member of one of them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle_audit_writer') THEN
    CREATE ROLE passerelle_audit_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle_audit_reader') THEN
    CREATE ROLE passerelle_audit_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle_audit_purger') THEN
    CREATE ROLE passerelle_audit_purger NOLOGIN;
  END IF;
END
$$;

-- One consultation: `record` is the AuditRecord as normalised by the gateway;
-- hash = sha256(prev_hash || canonical JSON of {seq, record}) (gateway/src/audit/chainHash.ts).
-- `time` repeats record.time for the purge and is checked against it by the verifier.
CREATE TABLE IF NOT EXISTS passerelle_audit.record (
  writer_id text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  time timestamptz NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (writer_id, seq)
);

-- Which usager each record touched (record.usagers), for `monJournalDesAcces`: one row per
-- usager and record, keyed so that a usager's newest accesses are one backward index scan.
-- Derived from the records; the verifier checks it matches them.
CREATE TABLE IF NOT EXISTS passerelle_audit.record_usager (
  usager_id text NOT NULL,
  time timestamptz NOT NULL,
  writer_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (usager_id, time, writer_id, seq)
);
CREATE INDEX IF NOT EXISTS record_usager_writer_seq ON passerelle_audit.record_usager (writer_id, seq);

-- A seal: HMAC-SHA256(AUDIT_SEAL_KEY, canonical JSON of {type: 'sceau', writer, seq, hash, time, numero}).
CREATE TABLE IF NOT EXISTS passerelle_audit.seal (
  writer_id text NOT NULL,
  numero bigint NOT NULL CHECK (numero >= 1),
  seq bigint NOT NULL,
  hash text NOT NULL,
  time timestamptz NOT NULL,
  hmac text NOT NULL,
  PRIMARY KEY (writer_id, numero)
);

-- What stands for a writer's purged prefix: the last record and seal removed, HMAC-sealed like a seal
-- ({type: 'ancre', writer, seq, hash, time, purges, numero}). At most one per writer.
CREATE TABLE IF NOT EXISTS passerelle_audit.anchor (
  writer_id text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  time timestamptz NOT NULL,
  purges bigint NOT NULL,
  numero bigint NOT NULL,
  hmac text NOT NULL
);

-- Append-only for everyone but the purge: no grant to PUBLIC, INSERT and SELECT for the writer,
-- SELECT for the reader, DELETE (and the anchor) for the purger.
REVOKE ALL ON SCHEMA passerelle_audit FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA passerelle_audit FROM PUBLIC;
GRANT USAGE ON SCHEMA passerelle_audit TO passerelle_audit_writer, passerelle_audit_reader, passerelle_audit_purger;
REVOKE ALL ON ALL TABLES IN SCHEMA passerelle_audit FROM passerelle_audit_writer, passerelle_audit_reader, passerelle_audit_purger;
GRANT SELECT, INSERT ON passerelle_audit.record, passerelle_audit.record_usager, passerelle_audit.seal TO passerelle_audit_writer;
GRANT SELECT ON passerelle_audit.anchor TO passerelle_audit_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA passerelle_audit TO passerelle_audit_reader;
GRANT SELECT, DELETE ON passerelle_audit.record, passerelle_audit.record_usager, passerelle_audit.seal TO passerelle_audit_purger;
-- The purge seals the unsealed tail of a writer that is gone before removing it (gateway/src/audit/postgres/purgePostgresJournal.ts).
GRANT INSERT ON passerelle_audit.seal TO passerelle_audit_purger;
GRANT SELECT, INSERT, DELETE ON passerelle_audit.anchor TO passerelle_audit_purger;

-- A second lock besides the grants: no UPDATE by anyone, and DELETE only by a member of the
-- purger role. A superuser can still disable the trigger; the hash chain and the seals are
-- what show such a change (`npm run audit:verify`).
CREATE OR REPLACE FUNCTION passerelle_audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_has_role(current_user, 'passerelle_audit_purger', 'MEMBER') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'passerelle_audit.%: % refused, the audit journal is append-only', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE ALL ON FUNCTION passerelle_audit.refuse_change() FROM PUBLIC;

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['record', 'record_usager', 'seal'] LOOP
    IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgname = 'append_only' AND tgrelid = ('passerelle_audit.' || name)::regclass) THEN
      EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON passerelle_audit.%I FOR EACH ROW EXECUTE FUNCTION passerelle_audit.refuse_change()', name);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgname = 'append_only_truncate' AND tgrelid = ('passerelle_audit.' || name)::regclass) THEN
      EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON passerelle_audit.%I FOR EACH STATEMENT EXECUTE FUNCTION passerelle_audit.refuse_change()', name);
    END IF;
  END LOOP;
END
$$;
