"""`python -m dag_lsp`: the same as the `dag-lsp` command."""

import sys

from dag_lsp.cli import main

sys.exit(main())
