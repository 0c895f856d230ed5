ALTER TABLE "organisations" ADD COLUMN "open_needs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "open_offers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "organisations_lab_naf_section_idx" ON "organisations" USING btree ("lab_id","naf_section");--> statement-breakpoint
CREATE INDEX "organisations_lab_headcount_band_idx" ON "organisations" USING btree ("lab_id","headcount_band");--> statement-breakpoint
CREATE INDEX "organisations_lab_universe_idx" ON "organisations" USING btree ("lab_id","universe");--> statement-breakpoint
CREATE INDEX "organisations_open_needs_idx" ON "organisations" USING btree ("lab_id") WHERE "organisations"."open_needs" > 0;--> statement-breakpoint
CREATE INDEX "organisations_open_offers_idx" ON "organisations" USING btree ("lab_id") WHERE "organisations"."open_offers" > 0;--> statement-breakpoint
-- The open needs and offers of each organisation, counted where the search filters them
-- ("has open needs"): backfilled here, then kept by a trigger on every write to needs_offers
-- (the repository's create and update, a merge moving them, an erasure, the demo seed).
UPDATE "organisations" o SET "open_needs" = c.needs, "open_offers" = c.offers
FROM (
  SELECT organisation_id,
    count(*) FILTER (WHERE kind = 'need') AS needs,
    count(*) FILTER (WHERE kind = 'offer') AS offers
  FROM needs_offers WHERE status IN ('open', 'in_discussion') GROUP BY organisation_id
) c
WHERE o.id = c.organisation_id;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organisations_recount_open_needs_offers(ids uuid[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE organisations o SET open_needs = c.needs, open_offers = c.offers
  FROM (
    SELECT i.id,
      count(n.id) FILTER (WHERE n.kind = 'need') AS needs,
      count(n.id) FILTER (WHERE n.kind = 'offer') AS offers
    FROM (SELECT DISTINCT unnest(ids) AS id) i
    LEFT JOIN needs_offers n ON n.organisation_id = i.id AND n.status IN ('open', 'in_discussion')
    GROUP BY i.id
  ) c
  WHERE o.id = c.id AND (o.open_needs, o.open_offers) IS DISTINCT FROM (c.needs, c.offers)
$$;
--> statement-breakpoint
-- Once per statement (a bulk insert recounts each organisation once), and an organisation is
-- rewritten only when a count changes (its search vector is regenerated on every update).
CREATE OR REPLACE FUNCTION organisations_count_open_needs_offers() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM organisations_recount_open_needs_offers(ARRAY(SELECT organisation_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM organisations_recount_open_needs_offers(ARRAY(SELECT organisation_id FROM old_rows));
  ELSE
    PERFORM organisations_recount_open_needs_offers(ARRAY(
      SELECT organisation_id FROM old_rows UNION SELECT organisation_id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER needs_offers_count_open_insert AFTER INSERT ON needs_offers
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisations_count_open_needs_offers();
--> statement-breakpoint
CREATE TRIGGER needs_offers_count_open_update AFTER UPDATE ON needs_offers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisations_count_open_needs_offers();
--> statement-breakpoint
CREATE TRIGGER needs_offers_count_open_delete AFTER DELETE ON needs_offers
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION organisations_count_open_needs_offers();
--> statement-breakpoint
-- A trigram word similarity costs hundreds of simple comparisons (pg_trgm declares 1; measured
-- 10-20 µs a name on PGlite): with a cost to match, the planner answers a selective filter and a
-- name match by a bitmap AND of their indexes instead of computing the similarity on each of
-- the thousands of rows the filter keeps (3,000 organisations with open offers: 60-70 ms -> 12 ms
-- on PGlite; 100 was not enough). Skipped where the role running the migrations does not own
-- the extension.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 1000;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 1000;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm word similarity cost left unchanged: %', SQLERRM;
END
$$;
