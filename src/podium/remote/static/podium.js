// podium's browser views: one connection to the podium, labels in the meeting's language,
// countdowns computed from the server's deadline and clock (never by counting messages).
// Every text is set with textContent: nothing a user typed is ever parsed as HTML.
"use strict";

const Podium = (() => {
  // The labels come with the page, in the meeting's language, from podium's catalogs.
  const labelBlock = document.getElementById("labels");
  const LABELS = labelBlock ? JSON.parse(labelBlock.textContent) : {};

  const lang = (document.documentElement.lang || "en").startsWith("zh") ? "zh" : "en";
  let state = null;
  let offsetMs = 0; // server clock minus this browser's clock
  let lastMessageAt = 0;
  let socket = null;
  let retryMs = 500;
  const listeners = [];

  function t(key, fields) {
    if (key === "none") return "";
    let text = LABELS[key] ?? key;
    for (const [name, value] of Object.entries(fields || {})) {
      text = text.replace("{" + name + "}", String(value));
    }
    return text;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    const node = typeof id === "string" ? $(id) : id;
    if (node && node.textContent !== text) node.textContent = text;
  }

  function labelAll() {
    for (const node of document.querySelectorAll("[data-label]")) {
      setText(node, t(node.dataset.label));
    }
  }

  function clock(totalSeconds) {
    const s = Math.max(0, totalSeconds);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = String(s % 60).padStart(2, "0");
    return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
  }

  // As the podium writes it: 4:59 while time is left (rounded up), +1:12 once it is out.
  function countdownText(remainingS) {
    if (remainingS > 0) return clock(Math.ceil(remainingS - 1e-9));
    return "+" + clock(Math.floor(-remainingS + 1e-9));
  }

  function serverNow() {
    return Date.now() + offsetMs;
  }

  // Seconds left on the running countdown, from its deadline on the server's clock.
  function remainingS() {
    if (!state || state.remaining_s === null || state.remaining_s === undefined) return null;
    if (state.deadline_ms === null) return state.remaining_s;
    return (state.deadline_ms - serverNow()) / 1000;
  }

  function phase() {
    const left = remainingS();
    if (!state || left === null) return "none";
    if (state.deadline_ms === null) return state.phase;
    if (left <= 0) return "overtime";
    if (left <= state.danger_s) return "danger";
    if (left <= state.warn_s) return "warning";
    return "normal";
  }

  function wallClock(withSeconds) {
    const minutes = state ? state.utc_offset_min || 0 : 0;
    const d = new Date(serverNow() + minutes * 60000);
    const hh = String(d.getUTCHours()).padStart(2, "0");
    const mm = String(d.getUTCMinutes()).padStart(2, "0");
    const ss = String(d.getUTCSeconds()).padStart(2, "0");
    return withSeconds === false ? `${hh}:${mm}` : `${hh}:${mm}:${ss}`;
  }

  function connected() {
    return socket !== null && socket.readyState === 1 && Date.now() - lastMessageAt < 2500;
  }

  function showConnection() {
    const banner = $("lost");
    if (!banner) return;
    const ok = connected();
    banner.hidden = ok;
    document.body.classList.toggle("offline", !ok);
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/ws`);
    socket = ws;
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      lastMessageAt = Date.now();
      retryMs = 500;
      if (message.type === "state") {
        offsetMs = message.server_time_ms - Date.now();
        state = message;
        for (const listener of listeners) listener(state);
        paint();
      }
      showConnection();
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      showConnection();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 2000);
    };
    ws.onerror = () => ws.close();
  }

  // A link that went quiet (a cable pulled, a laptop asleep) is dropped and redialled.
  function watch() {
    if (socket !== null && socket.readyState === 1 && Date.now() - lastMessageAt > 2500) {
      socket.close();
    }
    showConnection();
  }

  let painter = null;
  function paint() {
    if (painter && state) painter(state);
  }

  async function command(id, args) {
    let response;
    try {
      response = await fetch(`/api/v1/commands/${encodeURIComponent(id)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(args || {}),
        credentials: "same-origin",
      });
    } catch (error) {
      return { ok: false, error: t("lost") };
    }
    let body = {};
    try {
      body = await response.json();
    } catch (error) {
      body = { ok: false, error: String(response.status) };
    }
    if (response.status === 403) body.error = t("denied");
    return body;
  }

  function outcomeText(reply) {
    if (!reply.ok) return t("failed", { why: reply.error || "?" });
    if (reply.outcome === "done" || reply.outcome === "ended") return t("done");
    return t("outcome_" + reply.outcome);
  }

  function start(paintFn, onState) {
    painter = paintFn;
    if (onState) listeners.push(onState);
    labelAll();
    connect();
    setInterval(watch, 250);
    setInterval(paint, 200);
    showConnection();
  }

  return {
    t,
    $,
    setText,
    start,
    command,
    outcomeText,
    countdownText,
    remainingS,
    phase,
    wallClock,
    clock,
    get state() {
      return state;
    },
    get lang() {
      return lang;
    },
  };
})();
