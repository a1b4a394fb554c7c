// /control: a second operator's remote (a phone): the same commands as the podium's keys.
"use strict";

let toastTimer = null;

function toast(text) {
  const node = Podium.$("toast");
  node.textContent = text;
  node.classList.add("shown");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => node.classList.remove("shown"), 2500);
}

async function run(id, args) {
  const reply = await Podium.command(id, args);
  toast(Podium.outcomeText(reply));
  return reply;
}

for (const button of document.querySelectorAll("[data-command]")) {
  button.addEventListener("click", () => run(button.dataset.command));
}
Podium.$("jump").addEventListener("click", () => {
  const item = Podium.$("jump-item").value;
  if (item) run("jump", { item });
});
Podium.$("end-yes").addEventListener("click", () => run("end-confirm"));
Podium.$("end-no").addEventListener("click", () => run("end-cancel"));
for (const to of ["host", "stage"]) {
  Podium.$("send-" + to).addEventListener("click", async () => {
    const box = Podium.$("msg-" + to);
    const text = box.value.trim();
    if (!text) return;
    const reply = await run("message", { to, text });
    if (reply.ok) box.value = "";
  });
  Podium.$("clear-" + to).addEventListener("click", () => run("message-clear", { to }));
}

function fillJump(sheet) {
  const select = Podium.$("jump-item");
  const key = JSON.stringify(sheet.map((row) => [row.id, row.title]));
  if (select.dataset.key === key) return;
  const chosen = select.value;
  select.dataset.key = key;
  select.replaceChildren();
  const prompt = document.createElement("option");
  prompt.value = "";
  prompt.textContent = Podium.t("jump_to");
  select.append(prompt);
  for (const row of sheet) {
    if (!row.jumpable) continue;
    const option = document.createElement("option");
    option.value = row.id;
    option.textContent = (row.planned_start ? row.planned_start + "  " : "") + row.title;
    select.append(option);
  }
  select.value = chosen;
}

function firstLine(text) {
  return (text || "").split("\n")[0];
}

Podium.start((s) => {
  const { t, setText, $ } = Podium;
  setText("item-title", s.started ? s.item_title : t("standby"));
  const elapsed = s.started ? Podium.clock(s.item_elapsed_s) + " / " + Podium.clock(s.item_planned_s) : "";
  const left = Podium.remainingS();
  setText("item-time", s.started && left !== null ? Podium.countdownText(left) : elapsed);
  setText("cue-now", s.started ? firstLine(s.cue_text) || s.speaker : "");
  setText("cue-next", s.next_text);
  setText("behind", s.behind_text);
  setText("paused-word", s.paused ? t("paused") : "");
  setText("blank-word", s.blank ? t("blanked") : "");
  setText("pause", s.paused ? t("resume") : t("pause"));
  setText("blank", s.blank ? t("unblank") : t("blank"));
  $("end").hidden = !s.end_pending;
  setText("shown-host", s.message_host);
  setText("shown-stage", s.message_stage);
  document.body.dataset.phase = s.ended ? "none" : Podium.phase();
  fillJump(s.sheet || []);
});
