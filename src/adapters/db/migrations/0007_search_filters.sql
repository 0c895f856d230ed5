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
CREATE OR REPLACE FUNCTION organisations_count_open_needs_offers() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.organisation_id = OLD.organisation_id AND NEW.kind = OLD.kind
    AND NEW.status = OLD.status THEN
    RETURN NULL;
  END IF;
  UPDATE organisations o SET
    open_needs = (SELECT count(*) FROM needs_offers n WHERE n.organisation_id = o.id
      AND n.kind = 'need' AND n.status IN ('open', 'in_discussion')),
    open_offers = (SELECT count(*) FROM needs_offers n WHERE n.organisation_id = o.id
      AND n.kind = 'offer' AND n.status IN ('open', 'in_discussion'))
  WHERE o.id IN (OLD.organisation_id, NEW.organisation_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER needs_offers_count_open
  AFTER INSERT OR DELETE OR UPDATE OF organisation_id, kind, status ON needs_offers
  FOR EACH ROW EXECUTE FUNCTION organisations_count_open_needs_offers();
--> statement-breakpoint
-- A trigram word similarity costs about a hundred simple comparisons (pg_trgm declares 1): with
-- its true cost the planner answers a selective filter and a name match by a bitmap AND of
-- their indexes instead of computing the similarity on every row the filter keeps. Skipped
-- where the role running the migrations does not own the extension.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm word similarity cost left unchanged: %', SQLERRM;
END
$$;
