-- FTS5 merges its segments during inserts by default, which put 10-20 ms merges inside a clerk's
-- save. Merging now happens while the PC is idle (db/maintenance.ts), in small steps.
INSERT INTO `property_search` (`property_search`, `rank`) VALUES ('automerge', 0);
