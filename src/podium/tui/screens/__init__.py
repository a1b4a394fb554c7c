"""The podium's screens and dialogs."""
