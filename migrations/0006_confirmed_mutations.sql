CREATE TABLE `confirmed_mutation` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`epoch` integer NOT NULL,
	`seq` integer NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`op` text NOT NULL,
	`fields` text NOT NULL,
	`base_versions` text NOT NULL,
	`hlc` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`confirmed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `confirmed_mutation_order` ON `confirmed_mutation` (`epoch`,`seq`);--> statement-breakpoint
CREATE INDEX `confirmed_mutation_at` ON `confirmed_mutation` (`confirmed_at`);--> statement-breakpoint
ALTER TABLE `device_state` ADD `acknowledged_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `replay` integer DEFAULT 0 NOT NULL;