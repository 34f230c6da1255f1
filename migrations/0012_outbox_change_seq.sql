ALTER TABLE `confirmed_mutation` ADD `change_seq` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `change_seq` integer;