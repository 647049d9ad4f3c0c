"""PDF and spreadsheet outputs (receipts, summaries) — built in later issues."""
