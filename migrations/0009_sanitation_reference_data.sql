CREATE TABLE `sanitation_activity_category` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`code` text NOT NULL,
	`name_ka` text NOT NULL,
	`name_en` text NOT NULL,
	`unit` text NOT NULL,
	`retired_on` text
);
--> statement-breakpoint
CREATE TABLE `sanitation_bank_format` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`code` text NOT NULL,
	`name_ka` text NOT NULL,
	`name_en` text NOT NULL,
	`layout` text NOT NULL,
	`retired_on` text
);
--> statement-breakpoint
CREATE TABLE `sanitation_social_band` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`code` text NOT NULL,
	`name_ka` text NOT NULL,
	`name_en` text NOT NULL,
	`min_score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`retired_on` text
);
