CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"epoch" integer DEFAULT 1 NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone,
	"app_version" text,
	"clock_offset_ms" integer,
	"pending_changes" integer,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reusable" boolean DEFAULT false NOT NULL,
	"used_by_device" uuid,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"username" text,
	"address" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "server_meta_single_row" CHECK ("server_meta"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"tx_seq" bigint NOT NULL,
	"scope" text NOT NULL,
	"entity" text NOT NULL,
	"row_id" uuid NOT NULL,
	"op" text NOT NULL,
	"values" jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"field_versions" jsonb,
	"origin_device" uuid,
	"origin_mutation" uuid,
	"user_id" uuid,
	"user_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutation_log" (
	"mutation_id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"epoch" integer NOT NULL,
	"client_seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"row_id" uuid NOT NULL,
	"op" text NOT NULL,
	"fields" jsonb NOT NULL,
	"base" jsonb NOT NULL,
	"hlc" text NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"result" jsonb NOT NULL,
	"seq_from" bigint,
	"seq_to" bigint,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_lease" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "number_lease_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"series" text NOT NULL,
	"department" text NOT NULL,
	"year" integer NOT NULL,
	"device_id" uuid NOT NULL,
	"from" bigint NOT NULL,
	"to" bigint NOT NULL,
	"leased_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_series" (
	"series" text NOT NULL,
	"department" text NOT NULL,
	"year" integer NOT NULL,
	"next" bigint NOT NULL,
	CONSTRAINT "number_series_series_department_year_pk" PRIMARY KEY("series","department","year")
);
--> statement-breakpoint
CREATE TABLE "record" (
	"entity" text NOT NULL,
	"id" uuid NOT NULL,
	"scope" text NOT NULL,
	"values" jsonb NOT NULL,
	"field_meta" jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_seq" bigint,
	"row_seq" bigint NOT NULL,
	"created_seq" bigint NOT NULL,
	CONSTRAINT "record_entity_id_pk" PRIMARY KEY("entity","id")
);
--> statement-breakpoint
CREATE TABLE "sync_counter" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"retained_from" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sync_counter_single_row" CHECK ("sync_counter"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "unique_key" (
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	"row_id" uuid NOT NULL,
	CONSTRAINT "unique_key_entity_key_value_pk" PRIMARY KEY("entity","key","value")
);
--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD CONSTRAINT "enrolment_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD CONSTRAINT "enrolment_codes_used_by_device_devices_id_fk" FOREIGN KEY ("used_by_device") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_username_idx" ON "login_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_attempts_address_idx" ON "login_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_device_idx" ON "sessions" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "change_log_scope_seq_idx" ON "change_log" USING btree ("scope","seq");--> statement-breakpoint
CREATE INDEX "change_log_at_idx" ON "change_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "mutation_log_device_seq_idx" ON "mutation_log" USING btree ("device_id","epoch","client_seq");--> statement-breakpoint
CREATE INDEX "mutation_log_row_idx" ON "mutation_log" USING btree ("entity","row_id");--> statement-breakpoint
CREATE INDEX "number_lease_series_idx" ON "number_lease" USING btree ("series","department","year","from");--> statement-breakpoint
CREATE INDEX "record_scope_entity_id_idx" ON "record" USING btree ("scope","entity","id");--> statement-breakpoint
CREATE INDEX "unique_key_row_idx" ON "unique_key" USING btree ("entity","row_id");