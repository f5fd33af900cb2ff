"""Who did what: sentences to clauses, names to countries and organisations, verbs to CAMEO types, mentions to events."""
