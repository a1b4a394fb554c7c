"""Every label the pages ask for exists in the catalogs' table, in both languages."""

from __future__ import annotations

import json
import re
from importlib import resources

from podium.remote.labels import LABELS, labels, labels_block

STATIC = resources.files("podium.remote") / "static"
DYNAMIC = {"outcome_", "none"}  # t(phase), t("outcome_" + outcome), t(s.countdown)


def asked_for() -> set[str]:
    keys: set[str] = set()
    for name in ("podium.js", "stage.js", "backstage.js", "control.js", "index.js"):
        keys |= set(re.findall(r'\bt\("([a-z_]+)"', (STATIC / name).read_text()))
    for name in ("stage.html", "backstage.html", "control.html", "index.html"):
        keys |= set(re.findall(r'data-label="([a-z_]+)"', (STATIC / name).read_text()))
    return keys


def test_every_label_the_pages_use_is_in_the_table() -> None:
    keys = asked_for()
    assert len(keys) > 30
    assert keys - set(LABELS) - DYNAMIC == set()
    # the keys the pages compute: phases, countdowns, outcomes
    for key in ("normal", "warning", "danger", "overtime", "speech", "break", "item"):
        assert key in LABELS
    # Every outcome a command can answer has words (the page showed "outcome_unblanked"):
    # `done` and `ended` say "Done".
    from podium.engine.session import Outcome

    unlabelled = [o for o in Outcome if o not in ("done", "ended") and f"outcome_{o}" not in LABELS]
    assert unlabelled == []


def test_chinese_labels_are_chinese() -> None:
    zh, en = labels("zh"), labels("en")
    assert zh["lost"] == "连接中断，正在重连…"
    assert en["lost"] == "Connection lost — reconnecting…"
    untranslated = [k for k in LABELS if zh[k] == en[k] and not en[k].startswith(("GO", "+"))]
    assert untranslated == []


def test_the_block_is_data_that_cannot_close_its_script() -> None:
    block = labels_block("en").decode()
    inner = block.removeprefix('<script type="application/json" id="labels">')
    inner = inner.removesuffix("</script>")
    assert "</" not in inner
    assert json.loads(inner.replace("<\\/", "</"))["go"] == "GO"
