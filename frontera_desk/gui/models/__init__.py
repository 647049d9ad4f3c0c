"""Qt table models over the services' lists (lazy, sorted and filtered in SQL)."""
