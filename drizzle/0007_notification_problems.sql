CREATE TABLE "notification_problems" (
	"store_hash" text NOT NULL,
	"key" text NOT NULL,
	"flow" text,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"hint" text NOT NULL,
	"run_id" text,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "notification_problems_store_hash_key_pk" PRIMARY KEY("store_hash","key")
);
--> statement-breakpoint
ALTER TABLE "notification_problems" ADD CONSTRAINT "notification_problems_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_problems_open_idx" ON "notification_problems" USING btree ("store_hash","resolved_at");