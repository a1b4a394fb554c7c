"""podium: run a meeting from the lectern."""

__version__ = "0.1.0"
