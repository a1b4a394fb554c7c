"""Fitting run-sheet cells to their width: padded, or cut with an ellipsis, CJK-safe."""

from rich.cells import cell_len

from podium.tui.widgets.run_sheet import _fit


def test_short_text_is_padded_to_the_width() -> None:
    assert _fit("Opening", 10) == "Opening   "


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert _fit("Presentation of awards", 10) == "Presentat…"


def test_double_width_text_is_cut_on_cell_boundaries() -> None:
    assert _fit("区委书记王某某同志讲话", 9) == "区委书记…"
    fitted = _fit("区委书记王某某同志讲话", 10)  # a character would be split: it goes
    assert cell_len(fitted) == 10
    assert fitted == "区委书记… "  # the ellipsis right after the last whole character


def test_zero_width_gives_nothing() -> None:
    assert _fit("anything", 0) == ""
