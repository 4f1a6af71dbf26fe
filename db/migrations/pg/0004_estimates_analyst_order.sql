DROP INDEX "estimates_latest_idx";--> statement-breakpoint
CREATE INDEX "estimates_latest_idx" ON "estimates" USING btree ("question_id","analyst_id","created_at","id");