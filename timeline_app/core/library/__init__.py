"""The library of articles and events: SQLite storage, the user's corrections, frames, filters and exports."""
