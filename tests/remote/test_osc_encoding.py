"""OSC values and replies without a socket: a button's values as arguments, and replies that
always fit one datagram."""

from __future__ import annotations

import json

from pythonosc.osc_packet import OscPacket

from podium.remote.osc import MAX_REPLY, encode_reply, fitted, osc_args


def test_a_small_reply_is_sent_as_it_is() -> None:
    body = {"status": "ok", "outcome": "done", "rev": 4}
    assert fitted(body, 100) is body
    message = OscPacket(encode_reply("go", body)).messages[0].message
    assert message.address == "/podium/reply/go"
    assert json.loads(message.params[0]) == body


def test_the_largest_texts_and_lists_are_halved_until_the_reply_fits() -> None:
    body = {"cue_text": "各" * 9000, "names": [f"Name {n}" for n in range(2000)],
            "item_title": "Opening", "rev": 9}  # fmt: skip
    cut = fitted(body, 4000)
    assert len(json.dumps(cut, ensure_ascii=False, separators=(",", ":")).encode()) <= 4000
    assert cut["cut"] is True
    assert cut["item_title"] == "Opening" and cut["rev"] == 9  # short fields kept whole
    assert cut["cue_text"].endswith("…") and cut["cue_text"].startswith("各各")
    assert cut["names"] == body["names"][: len(cut["names"])]
    assert body["cue_text"] == "各" * 9000  # the caller's state is not changed
    datagram = encode_reply("state", body)
    assert len(datagram) <= MAX_REPLY
    assert json.loads(OscPacket(datagram).messages[0].message.params[0])["cut"] is True


def test_a_button_press_and_release() -> None:
    assert osc_args([1.0], []) == {}
    assert osc_args([0], []) is None
    assert osc_args(["speech"], ["item"]) == {"item": "speech"}
    assert osc_args([60.0], ["delta_s"]) == {"delta_s": 60}
