ALTER TABLE `sync_conflict` ADD `current_device_name` text;--> statement-breakpoint
ALTER TABLE `sync_conflict` ADD `other_device_name` text;