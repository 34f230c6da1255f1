-- Full-text index of property objects: inventory number, cadastral codes, address and tenants,
-- lower-cased with Mtavruli folded and with a Latin romanisation of each Georgian word
-- (domain/georgian searchIndexText). Derived data: refreshed by the write path, never replicated.
CREATE VIRTUAL TABLE `property_search` USING fts5(`object_id` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
-- FTS rows are addressed by an integer rowid; this keeps one stable rowid per object.
CREATE TABLE `property_search_key` (`rowid` integer PRIMARY KEY, `object_id` text NOT NULL UNIQUE);
