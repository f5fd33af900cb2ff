"""Pictures of the timeline for a story or a report: PNG, SVG and PDF with a title, the full legend and the source."""
