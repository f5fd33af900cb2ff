"""The layers the timeline painter holds: chrome, the events of an area, labels, and the events cached as an image."""
