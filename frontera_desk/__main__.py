"""``python -m frontera_desk``: same as the ``frontera-desk`` command."""

from frontera_desk.cli import main

raise SystemExit(main())
