// /stage: the speaker's countdown, as large as the screen allows.
"use strict";

Podium.start((s) => {
  const { t, setText } = Podium;
  const left = Podium.remainingS();
  const phase = s.ended ? "none" : Podium.phase();
  document.body.dataset.phase = phase;
  document.body.classList.toggle("paused", s.paused);
  setText("clock", Podium.wallClock());
  setText("item-title", s.started ? s.item_title : s.meeting_title);
  if (!s.started || s.ended) {
    setText("countdown", "");
    setText("phase-word", t(s.ended ? "ended" : "standby"));
    setText("sub", "");
  } else {
    const shown = left === null ? "" : Podium.countdownText(left);
    setText("countdown", shown);
    Podium.$("countdown").style.setProperty("--chars", String(Math.max(4, shown.length)));
    setText("phase-word", s.paused ? t("paused") : t(phase));
    let sub = s.countdown === "speech" ? s.speaker : t(s.countdown);
    setText("sub", sub || "");
  }
  const message = s.message_stage || "";
  Podium.$("message").hidden = message === "";
  setText("message-text", message);
  Podium.$("blackout").hidden = !s.blank;
});
