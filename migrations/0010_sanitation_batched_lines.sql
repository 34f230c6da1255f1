ALTER TABLE `sanitation_amnesty` ADD `state` text DEFAULT 'granted' NOT NULL;--> statement-breakpoint
ALTER TABLE `sanitation_amnesty` ADD `line_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sanitation_amnesty` ADD `total_tetri` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sanitation_tariff_version` ADD `corrections_state` text DEFAULT 'issued' NOT NULL;--> statement-breakpoint
ALTER TABLE `sanitation_tariff_version` ADD `correction_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sanitation_tariff_version` ADD `correction_tetri` integer DEFAULT 0 NOT NULL;