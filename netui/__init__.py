"""netui: a keyboard-driven terminal app for building and keeping a professional network."""

__version__ = "0.1.0"
