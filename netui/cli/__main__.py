"""`python -m netui.cli` is the same as the `netui` command."""

from netui.cli import main

raise SystemExit(main())
