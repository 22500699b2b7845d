CREATE TABLE "store_users" (
	"store_hash" text NOT NULL,
	"user_id" bigint NOT NULL,
	"email" text NOT NULL,
	"is_owner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_users_store_hash_user_id_pk" PRIMARY KEY("store_hash","user_id")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"store_hash" text PRIMARY KEY NOT NULL,
	"access_token_encrypted" text NOT NULL,
	"scope" text NOT NULL,
	"account_uuid" text,
	"owner_user_id" bigint NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_tokens" (
	"store_hash" text NOT NULL,
	"token_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "used_tokens_store_hash_token_id_pk" PRIMARY KEY("store_hash","token_id")
);
--> statement-breakpoint
ALTER TABLE "store_users" ADD CONSTRAINT "store_users_store_hash_stores_store_hash_fk" FOREIGN KEY ("store_hash") REFERENCES "public"."stores"("store_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "used_tokens_expires_at_idx" ON "used_tokens" USING btree ("expires_at");