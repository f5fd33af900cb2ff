"""The docked panels and their dialogs: the events table, the reader, filters, articles, edit history."""
