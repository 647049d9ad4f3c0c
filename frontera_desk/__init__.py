"""Frontera Desk: assistance records and receipts for a migrant-assistance field office."""

import time

__version__ = "0.1.0"
STARTED = time.perf_counter()  # --smoke-test reports the time to interactive from here
