"""Monthly package export/import for headquarters — built in a later issue."""
