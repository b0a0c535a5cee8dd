"""``python -m unconvert`` runs the command line."""

import sys

from unconvert.cli import main

sys.exit(main())
