ALTER TABLE "server_meta" ADD COLUMN "previous_generations" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "server_meta" ADD COLUMN "restored_at_seq" bigint;--> statement-breakpoint
ALTER TABLE "server_meta" ADD COLUMN "restored_at" timestamp with time zone;