DROP INDEX "organisations_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (immutable_unaccent(lower(name))) STORED;--> statement-breakpoint
CREATE INDEX "organisations_name_folded_trgm_idx" ON "organisations" USING gin ("name_folded" gin_trgm_ops);