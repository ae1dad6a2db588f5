// The emulator's page: reads the state of one user in one chat from /api/state, draws it, and sends what the user
// does to the JSON API. A change on the server (a Bot API call, a message typed elsewhere) arrives as a server-sent
// event, and the state is read again.
"use strict";

const params = new URLSearchParams(location.search);
const view = { user: params.get("user"), chat: params.get("chat") };
const $ = (id) => document.getElementById(id);
let loading = false;
let again = false;
let shownMessages = -1;
let botName = null;
/** What each part of the page was last drawn from: a part whose data did not change is left as it is. */
const drawn = {};

function changed(part, data) {
  const json = JSON.stringify(data);
  if (drawn[part] === json) return false;
  drawn[part] = json;
  return true;
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({ user: view.user, chat: view.chat }, body)),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.error || response.statusText);
  }
  return json;
}

/** Reads the state again; a change that arrives meanwhile reads it once more afterwards. */
async function load() {
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  try {
    const query = new URLSearchParams();
    if (view.user) query.set("user", view.user);
    if (view.chat) query.set("chat", view.chat);
    draw(await api("/api/state?" + query));
  } catch (e) {
    toast(e.message, "error");
  } finally {
    loading = false;
    if (again) {
      again = false;
      load();
    }
  }
}

function draw(state) {
  view.user = String(state.me.id);
  view.chat = String(state.chat.id);
  botName = state.bot;
  options($("who"), state.users.map((u) => [u.id, u.name]), view.user);
  options($("where"), state.chats.map((c) => [c.id, c.title]), view.chat);
  $("chat-title").textContent = state.chat.type === "private"
    ? state.me.name + " and the bot" : state.chat.title + " (group)";
  if (changed("messages", [view.user, view.chat, state.messages])) drawMessages(state.messages);
  if (changed("replyKeyboard", [view.user, view.chat, state.replyKeyboard])) drawReplyKeyboard(state.replyKeyboard);
  if (changed("stack", state.stack)) drawStack(state.stack);
  const top = state.stack.length === 0 ? "" : state.stack[state.stack.length - 1];
  if (changed("map", [view.user, view.chat, top && top.dialog, top && top.window])) drawMap();
  if (changed("calls", state.calls)) drawCalls(state.calls);
}

function options(select, pairs, selected) {
  const wanted = pairs.map(([id, name]) => id + "=" + name).join("|");
  if (select.dataset.options !== wanted) {
    select.replaceChildren(...pairs.map(([id, name]) => new Option(name, String(id))));
    select.dataset.options = wanted;
  }
  select.value = selected;
}

function drawMessages(messages) {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.replaceChildren(...messages.map(message));
  if (atBottom || messages.length !== shownMessages) {
    box.scrollTop = box.scrollHeight;
  }
  shownMessages = messages.length;
}

function message(m) {
  const el = document.createElement("div");
  el.className = "msg " + m.from;
  if (m.from === "user") {
    el.append(div("who", m.name));
    if (m.via) el.append(div("via", "via @" + m.via));
    el.append(div("text", m.text));
    if (m.inlineMessageId) el.dataset.inlineMessageId = m.inlineMessageId;
    if (m.buttons && m.buttons.length > 0) el.append(keyboard(m));
    if (m.edited) el.append(div("meta", "edited"));
    return el;
  }
  el.dataset.id = m.id;
  el.dataset.kind = m.kind;
  if (m.invoice) {
    const inv = div("invoice");
    const total = m.invoice.currency === "XTR"
      ? m.invoice.totalAmount + " ⭐" : (m.invoice.totalAmount / 100).toFixed(2) + " " + m.invoice.currency;
    inv.append(div("title", "🧾 " + m.invoice.title), div("text", m.invoice.description), div("total", total));
    el.append(inv);
  } else {
    if (m.kind !== "text") {
      el.append(div("media", mediaIcon(m.kind) + " " + m.kind + (m.fileId ? " · " + m.fileId : "")));
    }
    if (m.text != null) {
      const text = div("text");
      if (m.parseMode && m.parseMode.toUpperCase() === "HTML") {
        text.append(...safeHtml(m.text));
      } else {
        text.textContent = m.text;
      }
      el.append(text);
    }
  }
  if (m.buttons.length > 0) {
    el.append(keyboard(m));
  }
  if (m.edited) {
    el.append(div("meta", "edited"));
  }
  return el;
}

function keyboard(m) {
  const kb = div("kb");
  m.buttons.forEach((row, r) => {
    const line = div("row");
    row.forEach((b, c) => line.append(inlineButton(m, b, r, c)));
    kb.append(line);
  });
  return kb;
}

function mediaIcon(kind) {
  return { photo: "🖼", video: "🎬", animation: "🎞", audio: "🎵", document: "📄", sticker: "🏷", game: "🎮",
    poll: "📊" }[kind] || "📎";
}

const ICONS = { url: "🔗 ", webApp: "🧩 ", login: "🔑 ", copy: "📋 ", pay: "💳 ", game: "🎮 ", inline: "↪ " };

function inlineButton(m, b, row, column) {
  const label = (ICONS[b.type] || "") + b.text;
  // Only web links are followed: a javascript: URL from a bot must not run in the page.
  if (b.url && /^(https?|tg):/i.test(b.url)) {
    const a = document.createElement("a");
    a.href = b.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = label;
    a.title = b.type + ": " + b.url;
    a.dataset.type = b.type;
    return a;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.dataset.type = b.type;
  button.dataset.label = b.text;
  button.addEventListener("click", () => press(m, b, row, column));
  return button;
}

async function press(m, b, row, column) {
  if (b.type === "copy") {
    try {
      await navigator.clipboard.writeText(b.copy);
      toast("Copied: " + b.copy);
    } catch (e) {
      toast("Copy: " + b.copy);
    }
    return;
  }
  if (b.type === "inline") {
    $("input").value = "@" + botName + " " + b.query;
    $("input").focus();
    searchInline(b.query);
    return;
  }
  if (b.type === "other" || b.url) {
    toast("This button is handled by the Telegram app" + (b.url ? ": " + b.url : ""));
    return;
  }
  try {
    const where = m.inlineMessageId ? { inlineMessageId: m.inlineMessageId } : { messageId: m.id };
    const answer = await api("/api/click", Object.assign(where, { row: row, column: column }));
    if (answer.paid === true) toast("Paid");
    if (answer.paid === false) toast("Payment refused: " + answer.refusal, "error");
    if (answer.toast) {
      if (answer.alert) showAlert(answer.toast); else toast(answer.toast);
    }
    if (answer.url) window.open(answer.url, "_blank", "noopener");
  } catch (e) {
    toast(e.message, "error");
  }
  load();
}

function drawReplyKeyboard(rows) {
  const kb = $("reply-kb");
  if (!rows) {
    kb.hidden = true;
    kb.replaceChildren();
    return;
  }
  kb.hidden = false;
  kb.replaceChildren(...rows.map((row) => {
    const line = div("row");
    row.forEach((b) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = ({ contact: "📞 ", location: "📍 ", webApp: "🧩 " }[b.request] || "") + b.text;
      button.addEventListener("click", async () => {
        try {
          await api("/api/reply", { label: b.text });
        } catch (e) {
          toast(e.message, "error");
        }
        load();
      });
      line.append(button);
    });
    return line;
  }));
}

/** The map of the dialogs, the user's current window highlighted (the server lays it out). */
function drawMap() {
  $("map").src = "/api/map?user=" + encodeURIComponent(view.user) + "&chat=" + encodeURIComponent(view.chat)
    + "&at=" + Date.now();
}

function drawStack(frames) {
  const list = $("stack");
  if (frames.length === 0) {
    list.replaceChildren(el("li", "No dialog open"));
    return;
  }
  // Top of the stack first: the dialog the user is in.
  list.replaceChildren(...frames.slice().reverse().map((f) => {
    const item = el("li");
    item.append(el("strong", f.dialog + " / " + f.window));
    if (Object.keys(f.data).length > 0) {
      item.append(el("pre", JSON.stringify(f.data)));
    }
    return item;
  }));
}

function drawCalls(calls) {
  $("call-count").textContent = "(" + (calls.length === 0 ? 0 : calls[calls.length - 1].n) + ")";
  const list = $("calls");
  const open = new Set([...list.querySelectorAll("details[open]")].map((d) => d.dataset.n));
  list.replaceChildren(...calls.slice().reverse().map((c) => {
    const item = el("li");
    item.value = c.n;
    const details = el("details");
    details.dataset.n = String(c.n);
    details.open = open.has(String(c.n));
    details.append(el("summary", c.method), el("pre", JSON.stringify({ method: c.method, params: c.params }, null, 2)));
    item.append(details);
    item.className = "call";
    item.dataset.method = c.method;
    return item;
  }));
}

/** Telegram's HTML subset as elements: the tags it knows are kept, anything else becomes its text. */
function safeHtml(html) {
  const allowed = new Set(["B", "STRONG", "I", "EM", "U", "INS", "S", "STRIKE", "DEL", "CODE", "PRE", "A",
    "BLOCKQUOTE", "TG-SPOILER", "SPAN", "TG-EMOJI"]);
  const doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return [document.createTextNode(node.textContent)];
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    const children = [...node.childNodes].flatMap(copy);
    if (!allowed.has(node.tagName)) return children;
    const out = document.createElement(node.tagName === "A" ? "a" : node.tagName.startsWith("TG-") ? "span"
      : node.tagName.toLowerCase());
    if (node.tagName === "A" && /^(https?:|tg:)/.test(node.getAttribute("href") || "")) {
      out.href = node.getAttribute("href");
      out.target = "_blank";
      out.rel = "noopener noreferrer";
    }
    out.append(...children);
    return [out];
  };
  return [...doc.body.childNodes].flatMap(copy);
}

// Inline mode: "@bot query" in the message field asks the bot for results, listed above the field; choosing one
// sends it to the chat.
let inlineTimer = null;
let inlineAsked = 0;

function inlineQueryOf(text) {
  if (!botName) return null;
  const mention = "@" + botName;
  if (text === mention) return "";
  return text.startsWith(mention + " ") ? text.slice(mention.length + 1) : null;
}

async function searchInline(query) {
  const asked = ++inlineAsked;
  try {
    const answer = await api("/api/inline", { query: query });
    if (asked === inlineAsked) drawInline(answer.results);
  } catch (e) {
    toast(e.message, "error");
  }
}

function drawInline(results) {
  const box = $("inline-results");
  box.hidden = false;
  if (results.length === 0) {
    box.replaceChildren(div("description", "No results"));
    return;
  }
  box.replaceChildren(...results.map((r) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.resultId = r.id;
    button.append(div("title", r.title));
    if (r.description) button.append(div("description", r.description));
    button.addEventListener("click", async () => {
      try {
        await api("/api/choose", { resultId: r.id });
        $("input").value = "";
        hideInline();
      } catch (e) {
        toast(e.message, "error");
      }
      load();
    });
    return button;
  }));
}

function hideInline() {
  inlineAsked++;
  $("inline-results").hidden = true;
  $("inline-results").replaceChildren();
}

$("input").addEventListener("input", () => {
  clearTimeout(inlineTimer);
  const query = inlineQueryOf($("input").value);
  if (query === null) {
    hideInline();
  } else {
    inlineTimer = setTimeout(() => searchInline(query), 250);
  }
});

let toastTimer = null;

/** A toast, as Telegram shows a click's answer: it appears, and goes by itself. */
function toast(text, kind) {
  const t = $("toast");
  t.textContent = text;
  t.className = kind || "";
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 2500);
}

function showAlert(text) {
  $("alert-text").textContent = text;
  $("alert").hidden = false;
  $("alert-ok").focus();
}

function div(className, text) {
  const d = el("div", text);
  d.className = className;
  return d;
}

function el(tag, text) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

$("alert-ok").addEventListener("click", () => { $("alert").hidden = true; });
$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  hideInline();
  try {
    await api("/api/send", { text: text });
  } catch (e) {
    toast(e.message, "error");
  }
  load();
});
$("who").addEventListener("change", () => {
  view.user = $("who").value;
  hideInline();
  // The user's own private chat, unless the chat shown is a group they are in too.
  if (!view.chat || !view.chat.startsWith("-")) view.chat = view.user;
  shownMessages = -1;
  load();
});
$("where").addEventListener("change", () => {
  view.chat = $("where").value;
  shownMessages = -1;
  load();
});

const events = new EventSource("/api/events");
events.addEventListener("change", load);
events.addEventListener("open", () => $("live").classList.add("on"));
events.addEventListener("error", () => $("live").classList.remove("on"));
load();
