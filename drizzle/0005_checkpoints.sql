CREATE TABLE "sync_checkpoints" (
	"store_hash" text NOT NULL,
	"name" text NOT NULL,
	"value" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_checkpoints_store_hash_name_pk" PRIMARY KEY("store_hash","name")
);
--> statement-breakpoint
ALTER TABLE "sync_checkpoints" ADD CONSTRAINT "sync_checkpoints_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;