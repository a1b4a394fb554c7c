"""The browser views in a real headless Chromium against the real server on loopback: the stage
follows a GO, messages are shown as text, backstage lines up the next batch, the control
buttons drive the meeting, a lost connection is said and healed; screenshots of every view at
1920×1080 and 390×844 (kept in $PODIUM_SCREENSHOTS, or the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from podium.engine.clock import SystemClock

from .remote_helpers import LiveServer, make_host

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(
        not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
        reason="needs Debian's chromium and chromium-driver (installed by .ci/run)",
    ),
]

WAIT_S = 10  # generous: two shared cores; the views themselves repaint every 0.2 s
SIZES = ((1920, 1080), (390, 844))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1920,1080", "--lang=en"):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def meeting(live_factory: Any) -> Iterator[LiveServer]:
    host = make_host("quick-demo.en.yaml", clock=SystemClock(), guard_s=0)
    yield live_factory(host)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PODIUM_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def viewport(driver: Any, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def wait_for(driver: Any, condition: Any, timeout: float = WAIT_S) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: condition(d))


def text(driver: Any, element_id: str) -> str:
    return str(driver.execute_script(f"return document.getElementById('{element_id}').textContent"))


def shown(driver: Any, element_id: str) -> bool:
    return bool(driver.find_element("id", element_id).is_displayed())


def open_view(driver: Any, live: LiveServer, path: str) -> None:
    viewport(driver, 1920, 1080)
    driver.get(live.base + path)
    wait_for(driver, lambda d: d.execute_script("return Podium.state !== null"))


def run(live: LiveServer, command: str, **args: Any) -> Any:
    return live.call(lambda: live.host.run(command, via="key", **args))


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def screenshot(driver: Any, shots: Path, name: str) -> None:
    for width, height in SIZES:
        viewport(driver, width, height)
        driver.execute_script("return document.body.offsetHeight")  # let layout settle
        path = shots / f"{name}-{width}x{height}.png"
        driver.save_screenshot(str(path))
        assert png_size(path) == (width, height)
    viewport(driver, 1920, 1080)


def test_stage_follows_a_go_and_shows_messages_as_text(
    browser: Any, meeting: LiveServer, shots: Path
) -> None:
    open_view(browser, meeting, "/stage")
    assert text(browser, "phase-word") == "Standing by"
    screenshot(browser, shots, "stage-standby")
    run(meeting, "go")
    run(meeting, "jump", item="talk")
    run(meeting, "go")  # the intro, then the speech
    wait_for(browser, lambda d: text(d, "sub") == "Alex Morgan")
    assert text(browser, "item-title") == "A one-minute talk"
    assert text(browser, "countdown") in ("1:00", "0:59", "0:58")
    assert browser.find_element("tag name", "body").get_attribute("data-phase") == "normal"
    hostile = '<img src=x onerror="document.title=1"><b>Wrap up</b> & <script>x()</script>'
    run(meeting, "message", to="stage", text=hostile)
    wait_for(browser, lambda d: shown(d, "message"))
    assert text(browser, "message-text") == hostile
    assert browser.find_elements("css selector", "#message-text *") == []
    assert browser.title != "1"
    screenshot(browser, shots, "stage-speech")
    run(meeting, "adjust", delta_s=-58)  # two seconds left, then overtime in the browser alone
    wait_for(browser, lambda d: text(d, "countdown").startswith("+"))
    assert text(browser, "phase-word") == "OVERTIME"
    screenshot(browser, shots, "stage-overtime")
    run(meeting, "blank")
    wait_for(browser, lambda d: shown(d, "blackout"))
    run(meeting, "blank")
    wait_for(browser, lambda d: not shown(d, "blackout"))


def test_stage_in_chinese(browser: Any, live_factory: Any, shots: Path) -> None:
    host = make_host("district-conference.zh.yaml", clock=SystemClock(), guard_s=0)
    live = live_factory(host)
    open_view(browser, live, "/stage")
    assert text(browser, "phase-word") == "准备就绪"
    run(live, "go")
    run(live, "jump", item="speech")
    run(live, "go")
    run(live, "message", to="stage", text="请控制时间")
    wait_for(browser, lambda d: text(d, "message-text") == "请控制时间")
    assert text(browser, "phase-word") == "正常"
    screenshot(browser, shots, "stage-zh")


def test_backstage_lines_up_the_next_batch(browser: Any, meeting: LiveServer, shots: Path) -> None:
    open_view(browser, meeting, "/backstage")
    run(meeting, "go")
    run(meeting, "jump", item="prizes")
    wait_for(browser, lambda d: "Ana Lima" in text(d, "next-list"))
    assert "Design" in text(browser, "next-list")
    assert text(browser, "next-batch") == "batch 1 of 2"
    assert shown(browser, "now-empty")
    run(meeting, "go")
    wait_for(browser, lambda d: "Ana Lima" in text(d, "now-list"))
    assert "Sam Okoro" in text(browser, "next-list")
    assert text(browser, "now-batch") == "batch 1 of 2"
    screenshot(browser, shots, "backstage")


def test_control_buttons_drive_the_meeting(browser: Any, meeting: LiveServer, shots: Path) -> None:
    host = meeting.host
    open_view(browser, meeting, "/control")

    def click(element_id: str) -> None:
        browser.find_element("id", element_id).click()

    click("go")
    wait_for(browser, lambda d: host.session.started)
    wait_for(browser, lambda d: text(d, "cue-now").startswith("Good morning"))
    click("plus")
    wait_for(browser, lambda d: host.session.added_s(0) == 60)
    click("pause")
    wait_for(browser, lambda d: host.session.paused)
    wait_for(browser, lambda d: text(d, "pause") == "Resume")
    click("pause")
    wait_for(browser, lambda d: not host.session.paused)
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "jump-item")).select_by_value("prizes")
    click("jump")
    wait_for(browser, lambda d: host.session.item.id == "prizes")
    browser.find_element("id", "msg-host").send_keys("The mayor has arrived <b>now</b>")
    click("send-host")
    wait_for(browser, lambda d: host.messages["host"] is not None)
    assert host.messages["host"].text == "The mayor has arrived <b>now</b>"
    wait_for(browser, lambda d: text(d, "shown-host") == "The mayor has arrived <b>now</b>")
    click("blank")
    wait_for(browser, lambda d: host.blank)
    click("back")  # back while blank only unblanks
    wait_for(browser, lambda d: not host.blank)
    assert host.last_remote[1] == "http 127.0.0.1"
    screenshot(browser, shots, "control")


def test_run_sheet(browser: Any, meeting: LiveServer, shots: Path) -> None:
    open_view(browser, meeting, "/")
    run(meeting, "go")
    run(meeting, "jump", item="talk")
    # The first GO makes "welcome" current before the jump's state arrives: wait for the
    # jump's row, not for any current row.
    # Read through the page's script: a row the next state redraws is never a stale element.
    current = "var r = document.querySelector('tr.current'); return r ? r.textContent : '';"
    wait_for(browser, lambda d: "A one-minute talk" in d.execute_script(current))
    done = "return document.querySelector('tr[data-item=welcome]').className;"
    assert browser.execute_script(done) == "done"
    screenshot(browser, shots, "run-sheet")


def test_connection_lost_is_said_and_heals(browser: Any, meeting: LiveServer) -> None:
    from podium.remote.server import RemoteServer

    open_view(browser, meeting, "/stage")
    assert not shown(browser, "lost")
    port = meeting.port
    meeting.call_async(meeting.server.stop())
    wait_for(browser, lambda d: shown(d, "lost"), timeout=6)  # the page: 2.5 s
    assert text(browser, "lost") == "Connection lost — reconnecting…"
    again = RemoteServer(meeting.host, http=("127.0.0.1", port), commands=meeting.server.commands)
    again.bind()
    meeting.server = again
    meeting.call_async(again.start())
    run(meeting, "go")
    wait_for(browser, lambda d: not shown(d, "lost"), timeout=10)
    wait_for(browser, lambda d: text(d, "item-title") == "Welcome")
