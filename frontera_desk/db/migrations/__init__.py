"""Alembic revisions shipped inside the package.

``HEAD`` names the newest revision so that start-up can compare it with the database without
importing Alembic; a test checks that it matches Alembic's own head.
"""

HEAD = "0020"
