// /: the live run sheet for the organisers at the back of the room.
"use strict";

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function signed(seconds) {
  if (seconds === null || seconds === undefined) return "";
  if (seconds === 0) return "±0:00";
  return (seconds > 0 ? "+" : "−") + Podium.clock(Math.abs(seconds));
}

Podium.start((s) => {
  const { t, setText, $ } = Podium;
  setText("clock", Podium.wallClock());
  setText("meeting-title", s.meeting_title);
  setText("behind", s.behind_text);
  setText("end-at", t("end_at", { t: s.projected_end }));
  const body = $("rows");
  const key = JSON.stringify([s.rev, Math.floor(Date.now() / 1000), s.lang]);
  if (body.dataset.key === key) return;
  body.dataset.key = key;
  const rows = [];
  for (const row of s.sheet || []) {
    const tr = document.createElement("tr");
    tr.className = row.status;
    tr.dataset.item = row.id;
    let actual = row.actual_text;
    if (row.status === "current") {
      actual = Podium.clock(s.item_elapsed_s);
    } else if (row.status === "skipped") {
      actual = t("skipped");
    }
    const delta = row.status === "done" ? signed(row.delta_s) : "";
    const start = row.status === "upcoming" ? row.expected_start : row.actual_start;
    tr.append(
      cell(row.planned_start, "time"),
      cell(row.title, "title"),
      cell(row.planned_text, "num"),
      cell(actual + (delta ? "  " + delta : ""), "num " + (row.delta_s > 0 ? "late" : "")),
      cell(start, "num"),
    );
    rows.push(tr);
  }
  body.replaceChildren(...rows);
});
