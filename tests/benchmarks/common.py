"""What every benchmark shares: the median of repeated runs, and a table of figures with floors."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], repeat: int = 25) -> float:
    """Median wall time of ``work()`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def table(rows: list[tuple[str, float, float | None, str]], unit: str = "ms") -> str:
    """Measure, value, floor, ratio and target, one line each."""
    width = max([len("measure"), *(len(name) for name, *_ in rows)]) + 2
    lines = [f"{'measure':<{width}}{'value':>9}{'floor':>9}{'ratio':>8}  target"]
    for name, value, floor, target in rows:
        ratio = f"{value / floor:>7.2f}x" if floor else f"{'':>8}"
        shown_floor = f"{floor:>9.1f}" if floor is not None else f"{'':>9}"
        lines.append(f"{name:<{width}}{value:>9.1f}{shown_floor}{ratio}  {target}")
    return "\n".join(lines)
