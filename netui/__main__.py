"""`python -m netui` is the same as the `netui` command."""

from netui.cli import main

raise SystemExit(main())
