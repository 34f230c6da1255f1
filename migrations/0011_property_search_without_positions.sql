-- The property search index without token positions (detail = none). Its queries are prefixes of
-- single words joined by AND / OR (db/property/searchIndex.ts), which need no positions; the index is
-- half the size, and building it for a bootstrap of 350,000 objects costs about 30 % less. The rows
-- keep their rowids (each object's own), and merging stays manual (0004).
CREATE VIRTUAL TABLE `property_search_next` USING fts5(`object_id` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none);
--> statement-breakpoint
INSERT INTO `property_search_next` (`property_search_next`, `rank`) VALUES ('automerge', 0);
--> statement-breakpoint
INSERT INTO `property_search_next` (`rowid`, `object_id`, `body`)
  SELECT `rowid`, `object_id`, `body` FROM `property_search`;
--> statement-breakpoint
DROP TABLE `property_search`;
--> statement-breakpoint
ALTER TABLE `property_search_next` RENAME TO `property_search`;
