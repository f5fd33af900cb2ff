"""The main window and the parts it holds: menus, docks, status bar, selection, library and curation actions."""
