-- Överblick team server, schema 1: the team's shared state, guarded by row-level security.
-- Run by `overblick server init` (db/teamserver/server.py) in one transaction with the
-- version bump. Group roles are granted their privileges by server.py (their names depend
-- on the database); everything here is written for whoever calls, and row-level security
-- (FORCE: the owner too) decides what each login role reads and writes.

CREATE TABLE overblick.team (
    name text NOT NULL,
    caseworker_group text NOT NULL,
    lead_group text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One sequence orders every write: a pull asks for "what I may see with seq > my cursor".
CREATE SEQUENCE overblick.change_seq;

-- Every replicated table has the same shape: the row's global id, its kind (the local
-- table it comes from), the case it belongs to, its owner (a signature = login role),
-- the row's fields as JSON with the hybrid-logical-clock time of each field's last write,
-- the ordering number and a tombstone flag.
CREATE TABLE overblick.people (
    gid text PRIMARY KEY,  -- the signature in lower case = the person's login role
    kind text NOT NULL DEFAULT 'caseworkers',
    case_gid text,
    owner text,
    data jsonb NOT NULL DEFAULT '{}',
    field_hlc jsonb NOT NULL DEFAULT '{}',
    seq bigint NOT NULL DEFAULT 0,
    deleted boolean NOT NULL DEFAULT false,
    changed_by text NOT NULL DEFAULT current_user
);
CREATE TABLE overblick.cases (LIKE overblick.people INCLUDING DEFAULTS, PRIMARY KEY (gid));
ALTER TABLE overblick.cases ALTER COLUMN kind SET DEFAULT 'cases';
CREATE TABLE overblick.case_rows (LIKE overblick.people INCLUDING DEFAULTS, PRIMARY KEY (gid));
CREATE TABLE overblick.private_rows (LIKE overblick.people INCLUDING DEFAULTS, PRIMARY KEY (gid));
CREATE TABLE overblick.absences (LIKE overblick.people INCLUDING DEFAULTS, PRIMARY KEY (gid));
ALTER TABLE overblick.absences ALTER COLUMN kind SET DEFAULT 'absences';

CREATE INDEX ON overblick.people (seq);
CREATE INDEX ON overblick.cases (seq);
CREATE INDEX ON overblick.cases (owner);
CREATE INDEX ON overblick.case_rows (seq);
CREATE INDEX ON overblick.case_rows (case_gid);
CREATE INDEX ON overblick.private_rows (owner, seq);
CREATE INDEX ON overblick.private_rows (case_gid);
CREATE INDEX ON overblick.absences (seq);

-- A change id applied once is a no-op the second time (a push repeated after a crash).
CREATE TABLE overblick.applied_changes (
    change_id text PRIMARY KEY,
    login_role text NOT NULL DEFAULT current_user,
    result text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);

-- Who is asking. Login roles are named by the signature, so the signature is current_user.
-- These run inside every policy check: plain SQL without SET clauses so the planner can
-- inline them, every name qualified.
-- The team's group roles, named after its database (db/teamserver/server.py group_names).
CREATE FUNCTION overblick.group_role(kind text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT 'ovb_' || CASE WHEN pg_catalog.length(x.s) > 48
                          THEN pg_catalog.left(x.s, 39) || '_'
                               || pg_catalog.left(pg_catalog.md5(pg_catalog.current_database()), 8)
                          ELSE x.s END || '_' || kind
    FROM (SELECT pg_catalog.regexp_replace(pg_catalog.lower(pg_catalog.current_database()),
                                           '[^a-z0-9_]', '_', 'g') AS s) x
$$;

-- The schema's owner (who ran server init) or a superuser.
CREATE FUNCTION overblick.is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.pg_has_role(current_user, n.nspowner, 'MEMBER')
    FROM pg_catalog.pg_namespace n WHERE n.nspname = 'overblick'
$$;

CREATE FUNCTION overblick.is_lead() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT overblick.is_admin()
        OR pg_catalog.pg_has_role(current_user, overblick.group_role('lead'), 'MEMBER')
$$;

CREATE FUNCTION overblick.is_member() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT overblick.is_lead()
        OR pg_catalog.pg_has_role(current_user, overblick.group_role('cw'), 'MEMBER')
$$;

-- The team's calendar day: cover lasts from its first to its last day in Stockholm.
CREATE FUNCTION overblick.today() RETURNS date
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date
$$;

-- Whose cases a caseworker sees: their own, and those of a colleague they cover today.
CREATE FUNCTION overblick.visible_owners() RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT ARRAY[current_user::text] || ARRAY(
        SELECT a.owner FROM overblick.absences a
        WHERE NOT a.deleted AND a.data->>'covered_by' = current_user::text
          AND overblick.today() BETWEEN (a.data->>'from_date')::date AND (a.data->>'to_date')::date
    )
$$;

-- Every write: serialised (so seq order is commit order and a cursor never skips a row
-- committed late), numbered, signed; derived columns kept from the data; a case's owner
-- changed only by a lead; a row's kind and case never change.
CREATE FUNCTION overblick.stamp_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('overblick.change_seq'));
    NEW.seq := nextval('overblick.change_seq');
    NEW.changed_by := current_user;
    IF TG_TABLE_NAME = 'cases' THEN
        NEW.owner := NEW.data->>'owner';
        NEW.case_gid := NEW.gid;
    ELSIF TG_TABLE_NAME = 'people' THEN
        NEW.owner := NEW.gid;
    ELSIF TG_TABLE_NAME = 'absences' THEN
        NEW.owner := NEW.data->>'absent';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.kind := OLD.kind;
        IF TG_TABLE_NAME IN ('case_rows', 'private_rows') THEN
            NEW.case_gid := OLD.case_gid;
        END IF;
        IF TG_TABLE_NAME = 'private_rows' AND NOT overblick.is_admin() THEN
            NEW.owner := OLD.owner;
        END IF;
        IF TG_TABLE_NAME = 'cases' AND NEW.owner IS DISTINCT FROM OLD.owner
           AND NOT overblick.is_lead() THEN
            RAISE EXCEPTION 'bara gruppchefen kan flytta ett ärende till en annan handläggare'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON overblick.people
    FOR EACH ROW EXECUTE FUNCTION overblick.stamp_row();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON overblick.cases
    FOR EACH ROW EXECUTE FUNCTION overblick.stamp_row();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON overblick.case_rows
    FOR EACH ROW EXECUTE FUNCTION overblick.stamp_row();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON overblick.private_rows
    FOR EACH ROW EXECUTE FUNCTION overblick.stamp_row();
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON overblick.absences
    FOR EACH ROW EXECUTE FUNCTION overblick.stamp_row();

-- A follow-up that goes with its case to a new owner (reassignment) takes its private note
-- text with it: the new owner gets it, the lead who moved it never reads it. Runs as the
-- schema's owner (is_admin), the one role besides the note's owner that row-level security
-- lets in, so it acts only when a lead (session_user: the login, which no one can change)
-- moves the follow-up to the case's owner, a caseworker: never for a caseworker who sets a
-- follow-up's owner to take a colleague's note, never into a lead's hands.
CREATE FUNCTION overblick.move_follow_up_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    new_owner text := NEW.data->>'owner';
BEGIN
    IF NEW.kind = 'follow_ups' AND new_owner IS DISTINCT FROM OLD.data->>'owner'
       AND pg_catalog.pg_has_role(session_user, overblick.group_role('lead'), 'MEMBER')
       AND new_owner = (SELECT c.owner FROM overblick.cases c WHERE c.gid = NEW.case_gid)
       AND EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = new_owner)
       AND NOT pg_catalog.pg_has_role(new_owner, overblick.group_role('lead'), 'MEMBER') THEN
        UPDATE overblick.private_rows SET owner = new_owner WHERE gid = 'note:' || NEW.gid;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER move_note AFTER UPDATE ON overblick.case_rows
    FOR EACH ROW EXECUTE FUNCTION overblick.move_follow_up_note();

-- A reassigned case takes its open personal follow-ups to the new owner (docs/team.md),
-- also those the lead's replica had not yet received when the lead moved the case. They
-- carry the clock of the owner change. Runs as the lead who moved the case.
CREATE FUNCTION overblick.move_follow_ups() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    stamp text := NEW.field_hlc->>'owner';
BEGIN
    IF NEW.owner IS DISTINCT FROM OLD.owner AND NEW.owner IS NOT NULL THEN
        UPDATE overblick.case_rows
           SET data = data || jsonb_build_object('owner', NEW.owner, 'inherited', 1,
                                                 'fired_at', NULL),
               field_hlc = field_hlc || jsonb_build_object('owner', stamp, 'inherited', stamp,
                                                           'fired_at', stamp)
         WHERE case_gid = NEW.gid AND kind = 'follow_ups' AND NOT deleted
           AND data->>'origin' = 'personal' AND data->>'state' = 'open'
           AND data->>'deleted_at' IS NULL AND data->>'owner' IS DISTINCT FROM NEW.owner
           AND coalesce(field_hlc->>'owner', '') < coalesce(stamp, '') COLLATE "C";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER move_follow_ups AFTER UPDATE ON overblick.cases
    FOR EACH ROW EXECUTE FUNCTION overblick.move_follow_ups();

-- Row-level security: on, and forced on the owner as well.
ALTER TABLE overblick.team ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.team FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.people ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.people FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.cases FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.case_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.case_rows FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.private_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.private_rows FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.absences ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.absences FORCE ROW LEVEL SECURITY;
ALTER TABLE overblick.applied_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE overblick.applied_changes FORCE ROW LEVEL SECURITY;

-- The team row: read by its members, written by the admin (server init).
CREATE POLICY team_read ON overblick.team FOR SELECT USING (true);
CREATE POLICY team_insert ON overblick.team FOR INSERT WITH CHECK ((SELECT overblick.is_admin()));
CREATE POLICY team_update ON overblick.team FOR UPDATE
    USING ((SELECT overblick.is_admin())) WITH CHECK ((SELECT overblick.is_admin()));

-- People: the whole team reads them; leads (and the admin) write them.
CREATE POLICY people_read ON overblick.people FOR SELECT USING ((SELECT overblick.is_member()));
CREATE POLICY people_insert ON overblick.people FOR INSERT WITH CHECK ((SELECT overblick.is_lead()));
CREATE POLICY people_update ON overblick.people FOR UPDATE
    USING ((SELECT overblick.is_lead())) WITH CHECK ((SELECT overblick.is_lead()));

-- Cases: a lead reads and writes every case; a caseworker their own and those of a
-- colleague they cover today; a caseworker creates cases only in their own name.
CREATE POLICY cases_read ON overblick.cases FOR SELECT
    USING ((SELECT overblick.is_lead()) OR owner = ANY ((SELECT overblick.visible_owners())::text[]));
CREATE POLICY cases_insert ON overblick.cases FOR INSERT
    WITH CHECK ((SELECT overblick.is_lead()) OR owner = current_user::text);
CREATE POLICY cases_update ON overblick.cases FOR UPDATE
    USING ((SELECT overblick.is_lead()) OR owner = ANY ((SELECT overblick.visible_owners())::text[]))
    WITH CHECK ((SELECT overblick.is_lead()) OR owner = ANY ((SELECT overblick.visible_owners())::text[]));

-- A case's rows go with the case (the EXISTS reads cases under the caller's own policy);
-- rows of no case (team events) are the whole team's.
CREATE POLICY case_rows_read ON overblick.case_rows FOR SELECT
    USING ((SELECT overblick.is_lead())
           OR (case_gid IS NULL AND (SELECT overblick.is_member()))
           OR EXISTS (SELECT 1 FROM overblick.cases c WHERE c.gid = case_rows.case_gid));
CREATE POLICY case_rows_insert ON overblick.case_rows FOR INSERT
    WITH CHECK ((SELECT overblick.is_lead())
                OR (case_gid IS NULL AND (SELECT overblick.is_member()))
                OR EXISTS (SELECT 1 FROM overblick.cases c WHERE c.gid = case_rows.case_gid));
CREATE POLICY case_rows_update ON overblick.case_rows FOR UPDATE
    USING ((SELECT overblick.is_lead())
           OR (case_gid IS NULL AND (SELECT overblick.is_member()))
           OR EXISTS (SELECT 1 FROM overblick.cases c WHERE c.gid = case_rows.case_gid))
    WITH CHECK ((SELECT overblick.is_lead())
                OR (case_gid IS NULL AND (SELECT overblick.is_member()))
                OR EXISTS (SELECT 1 FROM overblick.cases c WHERE c.gid = case_rows.case_gid));

-- Private rows (case notes, follow-up note texts, planned days, own settings and views):
-- their owner's only. Not even a lead reads them.
CREATE POLICY private_rows_owner ON overblick.private_rows FOR ALL
    USING (owner = current_user::text OR (SELECT overblick.is_admin()))
    WITH CHECK (owner = current_user::text OR (SELECT overblick.is_admin()));

-- Absences and cover: the team reads them; a lead records anyone's, a caseworker their own.
CREATE POLICY absences_read ON overblick.absences FOR SELECT USING ((SELECT overblick.is_member()));
CREATE POLICY absences_insert ON overblick.absences FOR INSERT
    WITH CHECK ((SELECT overblick.is_lead()) OR owner = current_user::text);
CREATE POLICY absences_update ON overblick.absences FOR UPDATE
    USING ((SELECT overblick.is_lead()) OR owner = current_user::text)
    WITH CHECK ((SELECT overblick.is_lead()) OR owner = current_user::text);

-- Applied change ids: each login role its own.
CREATE POLICY applied_own ON overblick.applied_changes FOR ALL
    USING (login_role = current_user::text OR (SELECT overblick.is_admin()))
    WITH CHECK (login_role = current_user::text);
