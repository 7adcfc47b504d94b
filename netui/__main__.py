"""`python -m netui` is the same as the `netui` command."""

from netui.launch import main

raise SystemExit(main())
