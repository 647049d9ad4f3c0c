"""Services: the only code that writes. Each takes a session and the acting user."""
