-- Överblick team server, schema 2: push and pull, one round trip each. SECURITY INVOKER
-- (the default): every statement runs as the caller, so row-level security decides.

-- One change: {"id", "t", "gid", "kind", "case_gid", "owner", "op": "upsert"|"delete",
-- "data": {field: value}, "hlc"}. Field-level last writer wins by the hybrid logical clock
-- (a field takes the change's value when the change's clock is later than the field's);
-- a delete is a tombstone with its own clock: it loses to a write with a later clock, in
-- whichever order the two arrive. Clock readings compare byte by byte (COLLATE "C").
-- 'applied', or 'conflict' when some field (or the row's deletion) lost to a later write.
-- One function per table, made from this template, so that every statement in it is static
-- and its plan (row-level security included) is made once per session, not per change.
DO $template$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['people', 'cases', 'case_rows', 'private_rows', 'absences'] LOOP
        EXECUTE format($body$
CREATE FUNCTION overblick.apply_%1$s(c jsonb) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $fn$
DECLARE
    hlc text := c->>'hlc';
    change_gid text := c->>'gid';
    cur_data jsonb;
    cur_hlc jsonb;
    cur_deleted boolean;
    newer jsonb;
    lost integer;
    revive boolean;
BEGIN
    SELECT r.data, r.field_hlc, r.deleted INTO cur_data, cur_hlc, cur_deleted
    FROM overblick.%1$I r WHERE r.gid = change_gid FOR UPDATE;
    IF c->>'op' = 'delete' THEN
        IF cur_data IS NULL THEN
            RETURN 'applied';  -- nothing (visible) to delete
        END IF;
        IF hlc <= coalesce(cur_hlc->>'_deleted', '') COLLATE "C" THEN
            RETURN 'applied';  -- deleted already, by this or a later clock
        END IF;
        IF hlc <= coalesce((SELECT max(e.value #>> '{}' COLLATE "C") FROM jsonb_each(cur_hlc) e
                            WHERE e.key <> '_deleted'), '') COLLATE "C" THEN
            RETURN 'conflict';  -- written after this deletion was made: the row stays
        END IF;
        UPDATE overblick.%1$I SET deleted = true,
               field_hlc = field_hlc || jsonb_build_object('_deleted', hlc)
         WHERE gid = change_gid;
        RETURN 'applied';
    END IF;
    IF cur_data IS NULL THEN
        INSERT INTO overblick.%1$I (gid, kind, case_gid, owner, data, field_hlc)
        VALUES (change_gid, coalesce(c->>'kind', %1$L), c->>'case_gid', c->>'owner',
                coalesce(c->'data', '{}'),
                (SELECT coalesce(jsonb_object_agg(k, hlc), '{}')
                   FROM jsonb_object_keys(coalesce(c->'data', '{}')) k));
        RETURN 'applied';
    END IF;
    SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}') INTO newer
    FROM jsonb_each(coalesce(c->'data', '{}')) e
    WHERE hlc > coalesce(cur_hlc->>e.key, '') COLLATE "C";
    SELECT count(*) INTO lost
    FROM jsonb_each(coalesce(c->'data', '{}')) e
    WHERE hlc <= coalesce(cur_hlc->>e.key, '') COLLATE "C"
      AND cur_data->e.key IS DISTINCT FROM e.value;
    revive := cur_deleted AND hlc > coalesce(cur_hlc->>'_deleted', '') COLLATE "C";
    IF newer <> '{}' OR revive THEN
        UPDATE overblick.%1$I
           SET data = data || newer,
               field_hlc = field_hlc || (SELECT coalesce(jsonb_object_agg(k, hlc), '{}')
                                           FROM jsonb_object_keys(newer) k),
               deleted = deleted AND NOT revive
         WHERE gid = change_gid;
    END IF;
    IF lost > 0 OR (cur_deleted AND NOT revive) THEN
        RETURN 'conflict';
    END IF;
    RETURN 'applied';
END $fn$;
$body$, t);
    END LOOP;
END $template$;

CREATE FUNCTION overblick.apply_change(c jsonb) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF c->>'hlc' IS NULL OR c->>'gid' IS NULL THEN
        RAISE EXCEPTION 'ändringen saknar gid eller klocka' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    CASE c->>'t'
        WHEN 'cases' THEN RETURN overblick.apply_cases(c);
        WHEN 'case_rows' THEN RETURN overblick.apply_case_rows(c);
        WHEN 'private_rows' THEN RETURN overblick.apply_private_rows(c);
        WHEN 'people' THEN RETURN overblick.apply_people(c);
        WHEN 'absences' THEN RETURN overblick.apply_absences(c);
        ELSE RAISE EXCEPTION 'okänd tabell i ändringen: %', c->>'t'
                 USING ERRCODE = 'invalid_parameter_value';
    END CASE;
END $$;

-- A batch of changes in the caller's one transaction, each in its own subtransaction: a
-- change the caller may not make is refused (with the reason) and the others go on. A
-- change id seen before is a duplicate and does nothing.
-- Returns [{"id", "result": applied|duplicate|conflict|refused, "reason", "state"}].
CREATE FUNCTION overblick.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pg_catalog SET jit = off AS $$
DECLARE
    c jsonb;
    outcome text;
    results jsonb[] := '{}';
BEGIN
    FOR c IN SELECT value FROM jsonb_array_elements(batch) LOOP
        BEGIN
            IF EXISTS (SELECT 1 FROM overblick.applied_changes WHERE change_id = c->>'id') THEN
                outcome := 'duplicate';
            ELSE
                outcome := overblick.apply_change(c);
                INSERT INTO overblick.applied_changes(change_id, result) VALUES (c->>'id', outcome);
            END IF;
            results := results || jsonb_build_object('id', c->>'id', 'result', outcome);
        EXCEPTION WHEN OTHERS THEN
            results := results || jsonb_build_object(
                'id', c->>'id', 'result', 'refused', 'reason', SQLERRM, 'state', SQLSTATE);
        END;
    END LOOP;
    RETURN to_jsonb(results);
END $$;

-- The latest clock reading among a row's fields (the puller's clock catches up with it).
CREATE FUNCTION overblick.latest(field_hlc jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT max(e.value #>> '{}' COLLATE "C") FROM jsonb_each(field_hlc) e
$$;

-- The gids of the cases the caller may see now (not deleted). A caseworker's are found
-- through the owner index (the policy alone would read every case).
CREATE FUNCTION overblick.visible_cases() RETURNS text[]
LANGUAGE plpgsql STABLE SET search_path = pg_catalog SET jit = off AS $$
BEGIN
    IF overblick.is_lead() THEN
        RETURN (SELECT coalesce(array_agg(c.gid), '{}') FROM overblick.cases c WHERE NOT c.deleted);
    END IF;
    RETURN (SELECT coalesce(array_agg(c.gid), '{}') FROM overblick.cases c
            WHERE c.owner = ANY (overblick.visible_owners()) AND NOT c.deleted);
END $$;

-- What the caller may see that changed after `since`, plus everything of the cases that
-- became visible to it (`arrived`: received by reassignment, cover started, first join),
-- whatever their seq, plus the rows named in `again` (those where a change just pushed
-- lost to a later write: the replica gets the winning values back). Call it in the same
-- REPEATABLE READ transaction as visible_cases().
-- JIT off: compiling the plan costs ~300 ms, far more than running it.
CREATE FUNCTION overblick.pull(since bigint, visible text[], arrived text[], again text[])
RETURNS TABLE(t text, gid text, kind text, case_gid text, owner text, data jsonb,
              seq bigint, deleted boolean, hlc text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog SET jit = off AS $$
BEGIN
    -- EXECUTE: planned for these values (a first pull and an everyday one want other plans).
    RETURN QUERY EXECUTE
       'SELECT ''people'', p.gid, p.kind, p.case_gid, p.owner, p.data, p.seq, p.deleted,
               overblick.latest(p.field_hlc)
          FROM overblick.people p WHERE p.seq > $1
        UNION ALL
        SELECT ''absences'', a.gid, a.kind, a.case_gid, a.owner, a.data, a.seq, a.deleted,
               overblick.latest(a.field_hlc)
          FROM overblick.absences a WHERE a.seq > $1
        UNION ALL
        SELECT ''cases'', c.gid, c.kind, c.case_gid, c.owner, c.data, c.seq, c.deleted,
               overblick.latest(c.field_hlc)
          FROM overblick.cases c WHERE c.gid = ANY($2) AND (c.seq > $1 OR c.gid = ANY($3))
        UNION ALL
        SELECT ''case_rows'', r.gid, r.kind, r.case_gid, r.owner, r.data, r.seq, r.deleted,
               overblick.latest(r.field_hlc)
          FROM overblick.case_rows r
         WHERE r.seq > $1 AND (r.case_gid IS NULL OR r.case_gid = ANY($2))
        UNION ALL
        SELECT ''case_rows'', r.gid, r.kind, r.case_gid, r.owner, r.data, r.seq, r.deleted,
               overblick.latest(r.field_hlc)
          FROM overblick.case_rows r WHERE r.case_gid = ANY($3) AND r.seq <= $1
        UNION ALL
        SELECT ''private_rows'', v.gid, v.kind, v.case_gid, v.owner, v.data, v.seq, v.deleted,
               overblick.latest(v.field_hlc)
          FROM overblick.private_rows v
         WHERE v.owner = current_user::text
           AND ((v.seq > $1 AND (v.case_gid IS NULL OR v.case_gid = ANY($2)))
                OR (v.case_gid = ANY($3) AND v.seq <= $1))
        UNION ALL
        SELECT x.t, x.gid, x.kind, x.case_gid, x.owner, x.data, x.seq, x.deleted,
               overblick.latest(x.field_hlc)
          FROM (SELECT ''people'' AS t, * FROM overblick.people WHERE gid = ANY($4)
                UNION ALL SELECT ''absences'', * FROM overblick.absences WHERE gid = ANY($4)
                UNION ALL SELECT ''cases'', * FROM overblick.cases WHERE gid = ANY($4)
                UNION ALL SELECT ''case_rows'', * FROM overblick.case_rows WHERE gid = ANY($4)
                UNION ALL SELECT ''private_rows'', * FROM overblick.private_rows
                           WHERE gid = ANY($4) AND owner = current_user::text) x'
    USING since, visible, arrived, again;
END $$;
