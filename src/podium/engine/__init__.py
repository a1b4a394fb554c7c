"""The engine: the session's cursor and timers, its journal, resume and reports. No textual."""
