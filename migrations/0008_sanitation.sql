CREATE TABLE `sanitation_account_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`due_before` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sanitation_amnesty` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`from_period` text NOT NULL,
	`to_period` text NOT NULL,
	`coverage` text NOT NULL,
	`legal_act_number` text NOT NULL,
	`legal_act_date` text NOT NULL,
	`legal_act_kind` text NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sanitation_bank_import` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`format_code` text NOT NULL,
	`file_name` text NOT NULL,
	`fingerprint` text NOT NULL,
	`state` text NOT NULL,
	`line_count` integer NOT NULL,
	`matched_count` integer NOT NULL,
	`matched_tetri` integer NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL,
	`confirmed_at` text
);
--> statement-breakpoint
CREATE INDEX `sanitation_bank_import_fingerprint` ON `sanitation_bank_import` (`fingerprint`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sanitation_bank_import_line` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`import_id` text NOT NULL,
	`row_number` integer NOT NULL,
	`status` text NOT NULL,
	`problems` text NOT NULL,
	`payer_code_text` text NOT NULL,
	`payer_id` text,
	`amount_tetri` integer,
	`paid_on` text,
	`reference` text NOT NULL,
	`payer_name` text NOT NULL,
	`line_key` text NOT NULL,
	`payment_id` text,
	`resolved_by` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `sanitation_bank_import`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_bank_import_line_import` ON `sanitation_bank_import_line` (`import_id`,`row_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_bank_import_line_key` ON `sanitation_bank_import_line` (`line_key`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_bank_import_line_open` ON `sanitation_bank_import_line` (`status`,`import_id`) WHERE deleted_at IS NULL AND payment_id IS NULL;--> statement-breakpoint
CREATE TABLE `sanitation_billing_run` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`period` text NOT NULL,
	`territorial_unit_id` text,
	`state` text NOT NULL,
	`payer_count` integer NOT NULL,
	`line_count` integer NOT NULL,
	`total_tetri` integer NOT NULL,
	`started_by` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`reversed_by` text NOT NULL,
	`reversed_at` text,
	`reversal_reason` text NOT NULL,
	FOREIGN KEY (`territorial_unit_id`) REFERENCES `territorial_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_billing_run_period` ON `sanitation_billing_run` (`period`);--> statement-breakpoint
CREATE TABLE `sanitation_charge_line` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`payer_id` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`amount_tetri` integer NOT NULL,
	`tariff_version_id` text,
	`rate_code` text NOT NULL,
	`rate_tetri` integer NOT NULL,
	`quantity_hundredths` integer NOT NULL,
	`registered_members` integer,
	`relief_percent` integer NOT NULL,
	`exemption_id` text,
	`amnesty_id` text,
	`legal_basis` text NOT NULL,
	`billing_run_id` text,
	`related_line_id` text,
	`issued_on` text NOT NULL,
	`line_key` text NOT NULL,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tariff_version_id`) REFERENCES `sanitation_tariff_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`exemption_id`) REFERENCES `sanitation_exemption`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`amnesty_id`) REFERENCES `sanitation_amnesty`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`billing_run_id`) REFERENCES `sanitation_billing_run`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_charge_line_payer` ON `sanitation_charge_line` (`payer_id`,`period`,`amount_tetri`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_charge_line_period` ON `sanitation_charge_line` (`period`,`payer_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_charge_line_run` ON `sanitation_charge_line` (`billing_run_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sanitation_exemption` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`target` text NOT NULL,
	`payer_id` text,
	`target_code` text,
	`relief_percent` integer NOT NULL,
	`from_period` text NOT NULL,
	`to_period` text,
	`legal_act_number` text NOT NULL,
	`legal_act_date` text NOT NULL,
	`legal_act_kind` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_exemption_payer` ON `sanitation_exemption` (`payer_id`);--> statement-breakpoint
CREATE TABLE `sanitation_inspection` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`payer_id` text NOT NULL,
	`visited_on` text NOT NULL,
	`inspector` text NOT NULL,
	`observed_members` integer,
	`observed_quantity` real,
	`note` text NOT NULL,
	`approval` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_inspection_payer` ON `sanitation_inspection` (`payer_id`);--> statement-breakpoint
CREATE TABLE `sanitation_instalment_plan` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`payer_id` text NOT NULL,
	`total_tetri` integer NOT NULL,
	`instalments` integer NOT NULL,
	`first_due_on` text NOT NULL,
	`state` text NOT NULL,
	`legal_act_number` text NOT NULL,
	`legal_act_date` text NOT NULL,
	`legal_act_kind` text NOT NULL,
	`agreed_on` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_instalment_plan_payer` ON `sanitation_instalment_plan` (`payer_id`);--> statement-breakpoint
CREATE TABLE `sanitation_payer` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`payment_code` text NOT NULL,
	`name` text NOT NULL,
	`personal_number` text,
	`company_code` text,
	`territorial_unit_id` text NOT NULL,
	`street` text NOT NULL,
	`building` text NOT NULL,
	`apartment` text NOT NULL,
	`postal_code` text,
	`phone` text,
	`registered_members` integer,
	`social_score` integer,
	`activity_category` text,
	`billing_unit` text,
	`billing_quantity` real,
	`billed_from` text NOT NULL,
	`closed_on` text,
	`notes` text NOT NULL,
	FOREIGN KEY (`territorial_unit_id`) REFERENCES `territorial_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_payer_payment_code` ON `sanitation_payer` (`payment_code`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_payer_personal_number` ON `sanitation_payer` (`personal_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_payer_company_code` ON `sanitation_payer` (`company_code`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sanitation_payer_account` (
	`payer_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`territorial_unit_id` text NOT NULL,
	`name` text NOT NULL,
	`payment_code` text NOT NULL,
	`charged_tetri` integer NOT NULL,
	`paid_tetri` integer NOT NULL,
	`balance_tetri` integer NOT NULL,
	`arrears_tetri` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_arrears` ON `sanitation_payer_account` (`arrears_tetri`,`territorial_unit_id`,`kind`);--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_balance` ON `sanitation_payer_account` (`balance_tetri`,`territorial_unit_id`,`kind`);--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_name` ON `sanitation_payer_account` (`name`,`territorial_unit_id`,`kind`);--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_code` ON `sanitation_payer_account` (`payment_code`,`territorial_unit_id`,`kind`);--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_unit` ON `sanitation_payer_account` (`territorial_unit_id`,`arrears_tetri`,`kind`);--> statement-breakpoint
CREATE INDEX `sanitation_payer_account_kind` ON `sanitation_payer_account` (`kind`,`arrears_tetri`);--> statement-breakpoint
CREATE TABLE `sanitation_payment` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`payer_id` text NOT NULL,
	`channel` text NOT NULL,
	`amount_tetri` integer NOT NULL,
	`paid_on` text NOT NULL,
	`receipt_number` text,
	`bank_reference` text,
	`bank_import_line_id` text,
	`note` text NOT NULL,
	FOREIGN KEY (`payer_id`) REFERENCES `sanitation_payer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_import_line_id`) REFERENCES `sanitation_bank_import_line`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_payment_payer` ON `sanitation_payment` (`payer_id`,`paid_on`,`amount_tetri`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_payment_receipt` ON `sanitation_payment` (`receipt_number`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `sanitation_payment_bank_reference` ON `sanitation_payment` (`bank_reference`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `sanitation_tariff_rate` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`tariff_version_id` text NOT NULL,
	`rate_kind` text NOT NULL,
	`code` text NOT NULL,
	`unit` text,
	`rate_tetri` integer NOT NULL,
	`rate_key` text NOT NULL,
	FOREIGN KEY (`tariff_version_id`) REFERENCES `sanitation_tariff_version`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sanitation_tariff_rate_version` ON `sanitation_tariff_rate` (`tariff_version_id`);--> statement-breakpoint
CREATE TABLE `sanitation_tariff_version` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`field_versions` text DEFAULT '{}' NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`resolution_number` text NOT NULL,
	`resolution_date` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`household_rate_tetri` integer NOT NULL,
	`member_cap` integer NOT NULL,
	`amends_version_id` text,
	`note` text NOT NULL
);
--> statement-breakpoint
-- Full-text index of sanitation payers: payment code, personal number or company code, name and
-- address, with a Latin romanisation of each Georgian word (domain/georgian searchIndexText).
-- Derived data: kept by the write path, never replicated; rowid = the payer's rowid.
CREATE VIRTUAL TABLE `sanitation_search` USING fts5(`payer_id` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
--> statement-breakpoint
-- FTS5 merges segments during inserts by default; merging happens while the PC is idle instead.
INSERT INTO `sanitation_search` (`sanitation_search`, `rank`) VALUES ('automerge', 0);
