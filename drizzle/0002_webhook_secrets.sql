CREATE TABLE "webhook_secrets" (
	"store_hash" text PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"checked_at" timestamp with time zone,
	"problem" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_secrets" ADD CONSTRAINT "webhook_secrets_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;