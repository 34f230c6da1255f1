-- The property search index, rebuilt for search-as-you-type on 100,000 objects (bench/searchAsYouType.ts):
-- * each FTS row's rowid is its object's rowid, so a search narrows the list's own indexes by integer
--   (db/property/listObjects.ts) instead of through a key table of text ids;
-- * prefix indexes for 1-3 characters, so the first keystrokes do not merge thousands of terms;
-- db/property/searchIndex.ts checks the rowids still line up (a table rebuild could renumber them)
-- and lines them up again if not.
CREATE VIRTUAL TABLE `property_search_next` USING fts5(`object_id` UNINDEXED, `body`, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
--> statement-breakpoint
INSERT INTO `property_search_next` (`rowid`, `object_id`, `body`)
  SELECT o.`rowid`, s.`object_id`, s.`body` FROM `property_search` s
  JOIN `property_object` o ON o.`id` = s.`object_id` WHERE o.`deleted_at` IS NULL;
--> statement-breakpoint
DROP TABLE `property_search`;
--> statement-breakpoint
ALTER TABLE `property_search_next` RENAME TO `property_search`;
--> statement-breakpoint
DROP TABLE `property_search_key`;
