"""The main screen's widgets: now panel, next line, clock bar, run sheet, status, blank view."""
