"""The browser views' tab titles follow the meeting's language, like their labels."""

from __future__ import annotations

from importlib import resources

import pytest

from podium.remote.labels import TITLES, title_element


@pytest.mark.parametrize("page", sorted(TITLES))
def test_each_page_has_the_title_that_is_replaced(page: str) -> None:
    html = (resources.files("podium.remote") / "static" / page).read_bytes()
    assert f"<title>{TITLES[page][1]}</title>".encode() in html
    assert title_element(page, "en") == f"<title>{TITLES[page][1]}</title>".encode()


def test_a_chinese_meeting_names_its_tabs_in_chinese() -> None:
    assert title_element("stage.html", "zh") == "<title>podium · 讲台</title>".encode()
    assert title_element("index.html", "zh-CN") == "<title>podium · 议程</title>".encode()
