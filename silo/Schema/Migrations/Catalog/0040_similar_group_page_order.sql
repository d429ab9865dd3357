-- The group page reads an owner's open groups by size, then id, both descending (and pages with
-- (size, id) < cursor); the index had id ascending, so groups of one size came out in the wrong order and
-- were sorted on every page. similar_media (media_id) is already indexed by 0025.
DROP INDEX similar_group_page;
CREATE INDEX similar_group_page ON similar_group (owner_id, size DESC, id DESC) WHERE NOT dismissed;
