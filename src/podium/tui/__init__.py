"""The podium screen (Textual): the app, its screens and widgets."""
