// podium's browser views: one connection to the podium, labels in the meeting's language,
// countdowns computed from the server's deadline and clock (never by counting messages).
// Every text is set with textContent: nothing a user typed is ever parsed as HTML.
"use strict";

const Podium = (() => {
  const LABELS = {
    en: {
      lost: "Connection lost — reconnecting…",
      standby: "Standing by",
      ended: "Meeting ended",
      paused: "PAUSED",
      none: "",
      normal: "ON TIME",
      warning: "WARNING",
      danger: "DANGER",
      overtime: "OVERTIME",
      speech: "Speech",
      break: "Break",
      item: "Item",
      on_stage: "On stage now",
      line_up: "Line up next",
      after: "After that",
      remaining: "{n} more batches to come",
      remaining_one: "1 more batch to come",
      remaining_none: "No more call-ups",
      no_callup: "No call-up on stage",
      current_item: "Now",
      next_item: "Next item",
      batch: "batch {n} of {m}",
      go: "GO",
      back: "Back",
      pause: "Pause",
      resume: "Resume",
      plus: "+1 min",
      minus: "−1 min",
      blank: "Blank",
      unblank: "Unblank",
      jump: "Jump",
      jump_to: "Jump to…",
      send: "Send",
      clear: "Clear",
      to_host: "Message to the host",
      to_stage: "Message to the speaker",
      now: "Now",
      next: "Next",
      item_time: "Item time",
      end_q: "End the meeting?",
      end_yes: "End",
      end_no: "Continue",
      denied: "This address may only watch.",
      failed: "Not done: {why}",
      done: "Done",
      outcome_ignored_guard: "Ignored (double press)",
      outcome_at_end: "End of the agenda",
      outcome_at_start: "Already at the first cue",
      outcome_not_started: "Not started: press GO first",
      outcome_paged: "Next page",
      outcome_unavailable: "Not available",
      sheet_time: "Planned",
      sheet_item: "Item",
      sheet_planned: "Length",
      sheet_actual: "Actual",
      sheet_expected: "Start / expected",
      end_at: "Ends {t}",
      skipped: "skipped",
      blanked: "The screen is blanked",
      viewers: "{n} viewing",
    },
    zh: {
      lost: "连接中断,正在重连…",
      standby: "准备就绪",
      ended: "会议已结束",
      paused: "已暂停",
      none: "",
      normal: "正常",
      warning: "提醒",
      danger: "紧急",
      overtime: "超时",
      speech: "发言",
      break: "休息",
      item: "本项",
      on_stage: "正在台上",
      line_up: "请准备",
      after: "再下一批",
      remaining: "后面还有 {n} 批",
      remaining_one: "后面还有 1 批",
      remaining_none: "没有后续颁奖",
      no_callup: "台上没有颁奖",
      current_item: "当前",
      next_item: "下一项",
      batch: "第{n}批/共{m}批",
      go: "下一步",
      back: "上一步",
      pause: "暂停",
      resume: "继续",
      plus: "+1分钟",
      minus: "−1分钟",
      blank: "黑屏",
      unblank: "取消黑屏",
      jump: "跳转",
      jump_to: "跳转到…",
      send: "发送",
      clear: "清除",
      to_host: "给主持人的消息",
      to_stage: "给发言人的消息",
      now: "当前",
      next: "下一步",
      item_time: "本项用时",
      end_q: "结束会议?",
      end_yes: "结束",
      end_no: "继续",
      denied: "此地址只能查看。",
      failed: "未执行:{why}",
      done: "已执行",
      outcome_ignored_guard: "已忽略(连按)",
      outcome_at_end: "议程已到最后",
      outcome_at_start: "已在第一步",
      outcome_not_started: "会议未开始:请先按下一步",
      outcome_paged: "下一页",
      outcome_unavailable: "不可用",
      sheet_time: "计划",
      sheet_item: "议程",
      sheet_planned: "时长",
      sheet_actual: "实际",
      sheet_expected: "开始/预计",
      end_at: "预计结束 {t}",
      skipped: "未进行",
      blanked: "主屏已黑屏",
      viewers: "{n} 人在看",
    },
  };

  let lang = (document.documentElement.lang || "en").startsWith("zh") ? "zh" : "en";
  let state = null;
  let offsetMs = 0; // server clock minus this browser's clock
  let lastMessageAt = 0;
  let socket = null;
  let retryMs = 500;
  const listeners = [];

  function t(key, fields) {
    let text = (LABELS[lang] && LABELS[lang][key]) ?? LABELS.en[key] ?? key;
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
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
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
        if (message.lang && message.lang !== lang) {
          lang = message.lang;
          labelAll();
        }
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
