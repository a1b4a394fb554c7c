"""The baseline: a bare Textual hello-world app (plus one key that changes its text, so a key
press → repaint can be timed on it exactly as on the podium)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

MARKER = "Hello, World!"


class HelloApp(App[None]):
    """Hello, World! — what every Textual app pays before it shows anything of its own."""

    BINDINGS: ClassVar[list[BindingType]] = [("pagedown", "go", "GO")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static(MARKER, id="hello")

    def action_go(self) -> None:
        self.presses += 1
        self.query_one("#hello", Static).update(f"{MARKER} {self.presses}")


if __name__ == "__main__":
    HelloApp().run()
