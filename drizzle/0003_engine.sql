CREATE TABLE "engine_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"store_hash" text NOT NULL,
	"handler" text NOT NULL,
	"flow" text NOT NULL,
	"run_id" uuid NOT NULL,
	"state" text NOT NULL,
	"trigger" text NOT NULL,
	"events" jsonb NOT NULL,
	"event_count" integer NOT NULL,
	"dedupe_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engine_jobs_run_id_unique" UNIQUE("run_id")
);
--> statement-breakpoint
CREATE TABLE "engine_steps" (
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"store_hash" text NOT NULL,
	"output" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engine_steps_run_id_step_id_pk" PRIMARY KEY("run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "sync_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"store_hash" text NOT NULL,
	"flow" text NOT NULL,
	"entity" text NOT NULL,
	"source_id" text NOT NULL,
	"outcome" text NOT NULL,
	"message" text,
	"hint" text,
	"source" jsonb,
	"sent" jsonb,
	"answer" jsonb,
	"target_ref" text,
	"search_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_hash" text NOT NULL,
	"flow" text NOT NULL,
	"handler" text NOT NULL,
	"trigger" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"summary" text,
	"inngest_run_id" text
);
--> statement-breakpoint
ALTER TABLE "engine_jobs" ADD CONSTRAINT "engine_jobs_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_steps" ADD CONSTRAINT "engine_steps_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_steps" ADD CONSTRAINT "engine_steps_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_records" ADD CONSTRAINT "sync_records_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_records" ADD CONSTRAINT "sync_records_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "engine_jobs_collecting_idx" ON "engine_jobs" USING btree ("store_hash","handler") WHERE "engine_jobs"."state" = 'collecting';--> statement-breakpoint
CREATE UNIQUE INDEX "engine_jobs_running_idx" ON "engine_jobs" USING btree ("store_hash","flow") WHERE "engine_jobs"."state" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "engine_jobs_dedupe_idx" ON "engine_jobs" USING btree ("store_hash","handler","dedupe_key");--> statement-breakpoint
CREATE INDEX "engine_jobs_due_idx" ON "engine_jobs" USING btree ("state","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_records_run_entity_source_idx" ON "sync_records" USING btree ("run_id","entity","source_id");--> statement-breakpoint
CREATE INDEX "sync_records_store_id_idx" ON "sync_records" USING btree ("store_hash","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_records_store_flow_outcome_idx" ON "sync_records" USING btree ("store_hash","flow","outcome","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_records_store_outcome_idx" ON "sync_records" USING btree ("store_hash","outcome","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_records_store_search_idx" ON "sync_records" USING btree ("store_hash",lower("search_text") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sync_records_store_source_idx" ON "sync_records" USING btree ("store_hash","source_id");--> statement-breakpoint
CREATE INDEX "sync_runs_store_queued_idx" ON "sync_runs" USING btree ("store_hash","queued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sync_runs_store_flow_queued_idx" ON "sync_runs" USING btree ("store_hash","flow","queued_at" DESC NULLS LAST);