CREATE TABLE "flow_settings" (
	"store_hash" text NOT NULL,
	"flow" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flow_settings_store_hash_flow_pk" PRIMARY KEY("store_hash","flow")
);
--> statement-breakpoint
CREATE TABLE "id_map" (
	"store_hash" text NOT NULL,
	"entity" text NOT NULL,
	"source_id" text NOT NULL,
	"target_id" text,
	"target_number" text,
	"content_hash" text,
	"state" text DEFAULT 'done' NOT NULL,
	"message" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"data" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "id_map_store_hash_entity_source_id_pk" PRIMARY KEY("store_hash","entity","source_id")
);
--> statement-breakpoint
ALTER TABLE "flow_settings" ADD CONSTRAINT "flow_settings_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "id_map" ADD CONSTRAINT "id_map_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "id_map_state_idx" ON "id_map" USING btree ("store_hash","entity","state");