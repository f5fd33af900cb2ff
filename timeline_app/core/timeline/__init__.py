"""Everything about the timeline that needs no Qt: time scale, lanes, clusters, its numpy mirror of the events."""
