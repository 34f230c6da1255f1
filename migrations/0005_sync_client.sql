CREATE TABLE `number_pool` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series` text NOT NULL,
	`department` text NOT NULL,
	`year` integer NOT NULL,
	`from_no` integer NOT NULL,
	`next_no` integer NOT NULL,
	`to_no` integer NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_pool_block` ON `number_pool` (`series`,`department`,`year`,`from_no`);--> statement-breakpoint
CREATE TABLE `sync_rejected` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`mutation_id` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`op` text NOT NULL,
	`fields` text NOT NULL,
	`base_versions` text NOT NULL,
	`hlc` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`created_at` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`rejected_at` text NOT NULL,
	`resolution` text,
	`resolved_by` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_rejected_mutation_id_unique` ON `sync_rejected` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `sync_rejected_open` ON `sync_rejected` (`resolution`,`rejected_at`);--> statement-breakpoint
CREATE TABLE `sync_scope` (
	`scope` text PRIMARY KEY NOT NULL,
	`cursor_seq` integer DEFAULT 0 NOT NULL,
	`snapshot_token` text,
	`snapshot_seq` integer,
	`state` text DEFAULT 'bootstrapping' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_conflict` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text,
	`current_value` text NOT NULL,
	`current_user_name` text NOT NULL,
	`current_device_id` text,
	`current_at` text NOT NULL,
	`other_value` text NOT NULL,
	`other_user_name` text NOT NULL,
	`other_device_id` text,
	`other_at` text NOT NULL,
	`status` text NOT NULL,
	`resolved_by` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflict_row` ON `sync_conflict` (`entity`,`row_id`);--> statement-breakpoint
CREATE INDEX `sync_conflict_scope_status` ON `sync_conflict` (`scope`,`status`);--> statement-breakpoint
ALTER TABLE `device_state` ADD `epoch` integer;--> statement-breakpoint
ALTER TABLE `device_state` ADD `server_generation` text;--> statement-breakpoint
ALTER TABLE `device_state` ADD `server_url` text;--> statement-breakpoint
ALTER TABLE `device_state` ADD `device_token` text;--> statement-breakpoint
ALTER TABLE `device_state` ADD `clock_offset_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `device_state` ADD `last_sync_at` text;--> statement-breakpoint
ALTER TABLE `device_state` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `state` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_at` text;