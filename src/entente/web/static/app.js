// entente dashboard: plain JavaScript over the JSON API (/api/...). No build step.
"use strict";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const who = (parts) => (parts || []).map((p) => esc(p.name) + (p.country ? ` <span class="tag">${esc(p.country)}</span>` : "")).join("; ");

async function api(path) {
  const res = await fetch(path);
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(body.detail || res.statusText);
  }
  return res.json();
}

function table(el, columns, rows) {
  el.innerHTML = "<thead><tr>" + columns.map((c) => `<th>${esc(c[0])}</th>`).join("") + "</tr></thead><tbody>" +
    rows.map((r) => "<tr>" + columns.map((c) => `<td class="${c[2] || ""}">${c[1](r)}</td>`).join("") + "</tr>").join("") +
    "</tbody>";
  el.dataset.rows = rows.length;
}

function colour(g) {
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, g / 10));
  return t >= 0 ? `rgb(${Math.round(200 - 160 * t)},${Math.round(160 + 40 * t)},${Math.round(120 - 60 * t)})`
                : `rgb(${Math.round(200 + 40 * -t)},${Math.round(120 - 80 * -t)},${Math.round(110 - 60 * -t)})`;
}

function bars(svg, items) {  // items: [{label, value, g}]
  const w = svg.clientWidth || 700, h = Number(svg.getAttribute("height")), max = Math.max(1, ...items.map((i) => i.value));
  const bw = items.length ? Math.max(4, Math.min(40, (w - 20) / items.length - 4)) : 0;
  svg.innerHTML = items.map((it, k) => {
    const bh = Math.round((h - 30) * it.value / max), x = 10 + k * (bw + 4);
    return `<g><title>${esc(it.label)}: ${it.value}</title><rect x="${x}" y="${h - 20 - bh}" width="${bw}" height="${bh}" fill="${colour(it.g)}"></rect>` +
      (k % Math.ceil(items.length / 12 || 1) === 0 ? `<text x="${x}" y="${h - 6}" font-size="10">${esc(it.label)}</text>` : "") + "</g>";
  }).join("");
}

const EVENT_COLUMNS = [
  ["date", (r) => esc(r.date_value || "?") + (r.date_type === "reported" ? ' <span class="tag">story date</span>' : "")],
  ["type", (r) => esc(r.type) + (r.mode ? ` <span class="tag">${esc(r.mode)}</span>` : "")],
  ["actors", (r) => who(r.actors)],
  ["recipients", (r) => who(r.recipients)],
  ["where", (r) => esc(r.location_name || "")],
  ["factuality", (r) => esc(r.factuality)],
  ["evidence", (r) => esc(r.sentence), "sentence"],
  ["sources", (r) => r.sources.map((s) => `<a href="#story=${encodeURIComponent(s.story_id)}" data-story="${esc(s.story_id)}">${esc(s.story_id.length > 16 ? s.story_id.slice(0, 10) + "…" : s.story_id)}</a>`).join(" ")],
];

async function timeline(form) {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v) q.append(k, k === "dedupe" ? "true" : v);
  const rows = await api("/api/events?" + q);
  table($("#timeline-table"), EVENT_COLUMNS, rows);
  const by = {};
  for (const r of rows) if (r.date_start) { const m = r.date_start.slice(0, 7); (by[m] = by[m] || []).push(r.goldstein); }
  bars($("#timeline-chart"), Object.keys(by).sort().map((m) => ({label: m, value: by[m].length,
    g: by[m].reduce((a, b) => a + (b || 0), 0) / by[m].length})));
}

async function dyad(form) {
  const d = new FormData(form).get("dyad");
  const [series, topics] = await Promise.all([api(`/api/dyads/${encodeURIComponent(d)}/series`), api(`/api/dyads/${encodeURIComponent(d)}/topics`)]);
  const by = {};
  for (const s of series) { const b = (by[s.period] = by[s.period] || {n: 0, g: 0}); b.n += s.events; b.g += (s.goldstein_mean || 0) * s.events; }
  bars($("#dyad-chart"), Object.keys(by).sort().map((p) => ({label: p, value: by[p].n, g: by[p].g / by[p].n})));
  table($("#dyad-topics"), [["topic", (r) => esc(r.topic)], ["type", (r) => esc(r.type)], ["events", (r) => r.events]], topics);
}

async function network() {
  const edges = await api("/api/network");
  const svg = $("#network"), W = 760, H = 560, R = 230;
  const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))].sort();
  const pos = Object.fromEntries(nodes.map((n, i) => [n, [W / 2 + R * Math.cos(2 * Math.PI * i / nodes.length), H / 2 + R * Math.sin(2 * Math.PI * i / nodes.length)]]));
  const max = Math.max(1, ...edges.map((e) => e.events));
  svg.innerHTML = edges.map((e) => `<line x1="${pos[e.source][0]}" y1="${pos[e.source][1]}" x2="${pos[e.target][0]}" y2="${pos[e.target][1]}" stroke="${colour(e.goldstein_mean)}" stroke-width="${1 + 6 * e.events / max}" opacity=".7"><title>${esc(e.source)} → ${esc(e.target)}: ${e.events} events</title></line>`).join("") +
    nodes.map((n) => `<g class="node"><circle cx="${pos[n][0]}" cy="${pos[n][1]}" r="16" fill="#2b6cb0"></circle><text x="${pos[n][0]}" y="${pos[n][1] + 4}" text-anchor="middle" fill="#fff" font-size="10">${esc(n)}</text></g>`).join("");
}

function highlight(text, doc) {
  // Paint evidence sentences, triggers and actor mentions by character offsets.
  const marks = [];
  for (const e of doc.events) {
    marks.push([e.evidence.start, 1, '<mark class="evidence" title="' + esc(e.type) + '">'], [e.evidence.end, -1, "</mark>"]);
  }
  for (const a of doc.actors) for (const m of a.mentions) marks.push([m.start, 2, `<span class="mention" title="${esc(a.name)} ${esc(a.country || "")}">`], [m.end, -2, "</span>"]);
  // Keep the markup well nested: evidence spans sentences, mentions sit inside one.
  const opens = marks.filter((m) => m[1] > 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const closes = marks.filter((m) => m[1] < 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = "", pos = 0, i = 0, j = 0;
  const events = [];
  while (i < opens.length || j < closes.length) {
    if (j >= closes.length || (i < opens.length && opens[i][0] < closes[j][0])) events.push(opens[i++]); else events.push(closes[j++]);
  }
  for (const [at, , tag] of events) {
    if (at < pos) continue;
    out += esc(text.slice(pos, at)) + tag; pos = at;
  }
  return out + esc(text.slice(pos));
}

async function openStory(id) {
  const s = await api("/api/stories/" + encodeURIComponent(id));
  const d = s.document;
  $("#story").innerHTML = `<h2>${esc(d.title || d.id)}</h2><p class="muted">${esc(d.published || "no date")} · ${esc(d.source || "")} ${d.url ? `· <a href="${esc(d.url)}">source</a>` : ""}</p>` +
    `<div class="text">${highlight(s.text, d)}</div><h3>Events (${d.events.length})</h3><table id="story-events"></table>`;
  table($("#story-events"), [["type", (e) => esc(e.type)], ["date", (e) => esc(e.date.value || "?")], ["trigger", (e) => esc(e.evidence.trigger)],
    ["actors", (e) => esc(e.actors.map((a) => (d.actors.find((x) => x.id === a) || {}).name).join("; "))],
    ["recipients", (e) => esc(e.recipients.map((a) => (d.actors.find((x) => x.id === a) || {}).name).join("; "))]], d.events);
}

async function stories() {
  const rows = await api("/api/stories?limit=500");
  $("#story-list").innerHTML = rows.map((r) => `<li data-story="${esc(r.id)}"><b>${esc(r.title || r.id)}</b><br><span class="muted">${esc(r.published || "")}</span></li>`).join("");
}

async function agreements() {
  table($("#agreements-table"), [["agreement", (r) => esc(r.name)], ["parties", (r) => esc(r.parties.join(", "))], ["topic", (r) => esc(r.topic || "")],
    ["status", (r) => `<b>${esc(r.status || "")}</b>`], ["history", (r) => r.history.map((h) => `${esc(h.status)} <span class="muted">${esc(h.date || "?")}</span>`).join(" → ")]],
    await api("/api/agreements"));
}

async function statements() {
  table($("#statements-table"), [["published", (r) => esc(r.published || "")], ["speaker", (r) => esc(r.speaker_name || "?")], ["cue", (r) => esc(r.cue || "")],
    ["channel", (r) => esc(r.channel || "")], ["", (r) => (r.direct ? "“”" : "")], ["text", (r) => esc(r.text), "sentence"]], await api("/api/statements?limit=1000"));
}

const loaders = {timeline: () => timeline($("#timeline-filters")), dyad: () => dyad($("#dyad-form")), network, stories, agreements, statements};

function show(view) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach((v) => (v.hidden = v.id !== "view-" + view));
  loaders[view]().catch((e) => alert(e.message));
}

document.addEventListener("click", (ev) => {
  const b = ev.target.closest("nav button");
  if (b) return show(b.dataset.view);
  const s = ev.target.closest("[data-story]");
  if (s) { ev.preventDefault(); if ($("#view-stories").hidden) show("stories"); openStory(s.dataset.story).catch((e) => alert(e.message)); }
});
$("#timeline-filters").addEventListener("submit", (ev) => { ev.preventDefault(); timeline(ev.target).catch((e) => alert(e.message)); });
$("#dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); dyad(ev.target).catch((e) => alert(e.message)); });

api("/api/summary").then((s) => {
  $("#summary").textContent = `${s.stories} stories · ${s.actors} actors · ${s.events} events · ${s.statements} statements · ${s.agreements} agreements`;
}).catch((e) => ($("#summary").textContent = "API error: " + e.message));
// Deep links: #story=ID opens a story, #view=NAME a view.
const hash = new URLSearchParams(location.hash.slice(1));
if (hash.get("story")) { show("stories"); openStory(hash.get("story")).catch((e) => alert(e.message)); }
else show(hash.get("view") in loaders ? hash.get("view") : "timeline");
