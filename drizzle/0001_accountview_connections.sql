CREATE TABLE "accountview_connections" (
	"store_hash" text PRIMARY KEY NOT NULL,
	"access_token_encrypted" text NOT NULL,
	"refresh_token_encrypted" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"scope" text,
	"company_id" text,
	"company_code" text,
	"company_name" text,
	"status" text DEFAULT 'connected' NOT NULL,
	"problem" text,
	"connected_by_user_id" bigint NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accountview_connections" ADD CONSTRAINT "accountview_connections_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;