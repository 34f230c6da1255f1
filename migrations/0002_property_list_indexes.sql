DROP INDEX `property_object_inventory`;--> statement-breakpoint
DROP INDEX `property_object_name`;--> statement-breakpoint
DROP INDEX `property_object_type`;--> statement-breakpoint
DROP INDEX `property_object_state`;--> statement-breakpoint
DROP INDEX `property_object_unit`;--> statement-breakpoint
DROP INDEX `property_object_address`;--> statement-breakpoint
DROP INDEX `property_object_area`;--> statement-breakpoint
DROP INDEX `property_object_book_value`;--> statement-breakpoint
DROP INDEX `property_object_updated`;--> statement-breakpoint
CREATE INDEX `property_object_inventory` ON `property_object` (`inventory_number`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_name` ON `property_object` (`name`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_type` ON `property_object` (`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_state` ON `property_object` (`state`,`territorial_unit_id`,`type`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_unit` ON `property_object` (`territorial_unit_id`,`type`,`state`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_address` ON `property_object` (`street`,`building`,`apartment`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_area` ON `property_object` (`area_sqm`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_book_value` ON `property_object` (`book_value_tetri`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `property_object_updated` ON `property_object` (`updated_at`,`type`,`state`,`territorial_unit_id`) WHERE deleted_at IS NULL;