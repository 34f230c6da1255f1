CREATE TABLE `local_user` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`departments` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `local_user_username_unique` ON `local_user` (`username`);--> statement-breakpoint
CREATE TABLE `property_cadastral_code` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`object_id` text NOT NULL,
	`code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`reason` text NOT NULL,
	FOREIGN KEY (`object_id`) REFERENCES `property_object`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_cadastral_code_object` ON `property_cadastral_code` (`object_id`);--> statement-breakpoint
CREATE INDEX `property_cadastral_code_code` ON `property_cadastral_code` (`code`);--> statement-breakpoint
CREATE TABLE `property_document` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`object_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`object_id`) REFERENCES `property_object`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_document_object` ON `property_document` (`object_id`);--> statement-breakpoint
CREATE TABLE `property_lease` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`object_id` text NOT NULL,
	`contract_number` text NOT NULL,
	`tenant_kind` text NOT NULL,
	`tenant_name` text NOT NULL,
	`tenant_id_number` text NOT NULL,
	`tenant_phone` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`annual_rent_tetri` integer NOT NULL,
	`schedule` text NOT NULL,
	`legal_basis` text NOT NULL,
	`terminated_on` text,
	FOREIGN KEY (`object_id`) REFERENCES `property_object`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_lease_object` ON `property_lease` (`object_id`);--> statement-breakpoint
CREATE INDEX `property_lease_end` ON `property_lease` (`end_date`);--> statement-breakpoint
CREATE TABLE `property_lease_payment` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`lease_id` text NOT NULL,
	`paid_on` text NOT NULL,
	`amount_tetri` integer NOT NULL,
	`reference` text NOT NULL,
	FOREIGN KEY (`lease_id`) REFERENCES `property_lease`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_lease_payment_lease` ON `property_lease_payment` (`lease_id`);--> statement-breakpoint
CREATE TABLE `property_object` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`inventory_number` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`property_class` text NOT NULL,
	`state` text NOT NULL,
	`territorial_unit_id` text NOT NULL,
	`street` text NOT NULL,
	`building` text NOT NULL,
	`apartment` text NOT NULL,
	`postal_code` text,
	`address_note` text NOT NULL,
	`area_sqm` real,
	`purpose` text NOT NULL,
	`book_value_tetri` integer NOT NULL,
	`market_value_tetri` integer,
	`acquired_on` text,
	`acquisition_method` text NOT NULL,
	`acquisition_act` text NOT NULL,
	`custodian` text NOT NULL,
	`notes` text NOT NULL,
	FOREIGN KEY (`territorial_unit_id`) REFERENCES `territorial_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `property_object_inventory` ON `property_object` (`inventory_number`);--> statement-breakpoint
CREATE INDEX `property_object_name` ON `property_object` (`name`);--> statement-breakpoint
CREATE INDEX `property_object_type` ON `property_object` (`type`,`inventory_number`);--> statement-breakpoint
CREATE INDEX `property_object_state` ON `property_object` (`state`,`inventory_number`);--> statement-breakpoint
CREATE INDEX `property_object_unit` ON `property_object` (`territorial_unit_id`,`inventory_number`);--> statement-breakpoint
CREATE INDEX `property_object_address` ON `property_object` (`street`,`building`,`apartment`);--> statement-breakpoint
CREATE INDEX `property_object_area` ON `property_object` (`area_sqm`);--> statement-breakpoint
CREATE INDEX `property_object_book_value` ON `property_object` (`book_value_tetri`);--> statement-breakpoint
CREATE INDEX `property_object_updated` ON `property_object` (`updated_at`);--> statement-breakpoint
CREATE TABLE `territorial_unit` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`code` text NOT NULL,
	`name_ka` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `territorial_unit_code_unique` ON `territorial_unit` (`code`);--> statement-breakpoint
CREATE TABLE `device_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`hlc_wall_ms` integer DEFAULT 0 NOT NULL,
	`hlc_counter` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`mutation_id` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`op` text NOT NULL,
	`fields` text NOT NULL,
	`base_versions` text NOT NULL,
	`hlc` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_row` ON `outbox` (`entity`,`row_id`);--> statement-breakpoint
CREATE TABLE `record_history` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`op` text NOT NULL,
	`changes` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	`hlc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_history_subject` ON `record_history` (`subject_id`,`hlc`);