// /backstage: who is on stage, who lines up next, who comes after.
"use strict";

function batchLabel(text) {
  if (!text) return "";
  const [n, m] = text.split("/");
  return Podium.t("batch", { n, m });
}

function fillList(list, recipients) {
  const key = JSON.stringify(recipients);
  if (list.dataset.key === key) return;
  list.dataset.key = key;
  list.replaceChildren();
  for (const person of recipients) {
    const row = document.createElement("li");
    const number = document.createElement("span");
    number.className = "n";
    number.textContent = String(person.n);
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = person.name;
    row.append(number, name);
    if (person.unit) {
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = person.unit;
      row.append(unit);
    }
    if (person.note) {
      const note = document.createElement("span");
      note.className = "note";
      note.textContent = person.note;
      row.append(note);
    }
    list.append(row);
  }
}

Podium.start((s) => {
  const { t, setText, $ } = Podium;
  setText("clock", Podium.wallClock());
  setText("meeting-title", s.meeting_title);
  setText("item-now", s.started ? s.item_title : t("standby"));
  setText("item-next", s.next_item_title || "");
  for (const part of ["now", "next", "after"]) {
    const prefix = part === "now" ? "" : part + "_";
    const recipients = s[prefix + "recipients"] || [];
    setText(part + "-batch", batchLabel(s[prefix + "batch"]));
    setText(part + "-award", s[prefix + "award"] || "");
    fillList($(part + "-list"), recipients);
    if (part !== "now") $(part).hidden = recipients.length === 0;
  }
  $("now-empty").hidden = (s.recipients || []).length > 0;
  const left = s.batches_left;
  setText("left", left === 0 ? t("remaining_none") : left === 1 ? t("remaining_one") :
    t("remaining", { n: left }));
});
