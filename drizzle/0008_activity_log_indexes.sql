DROP INDEX "sync_runs_store_queued_idx";--> statement-breakpoint
DROP INDEX "sync_runs_store_flow_queued_idx";--> statement-breakpoint
CREATE INDEX "sync_records_store_search_rest_idx" ON "sync_records" USING btree ("store_hash",lower(substr("search_text", strpos("search_text", ' ') + 1)) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sync_runs_store_problem_idx" ON "sync_runs" USING btree ("store_hash","queued_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "sync_runs"."state" in ('partial', 'failed');--> statement-breakpoint
CREATE INDEX "sync_runs_store_queued_idx" ON "sync_runs" USING btree ("store_hash","queued_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_runs_store_flow_queued_idx" ON "sync_runs" USING btree ("store_hash","flow","queued_at" DESC NULLS LAST,"id" DESC NULLS LAST);