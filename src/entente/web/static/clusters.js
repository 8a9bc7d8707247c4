// Real events (issue 12): one real-world event with every story that reports it, from
// GET /api/clusters (paged) and GET /api/clusters/{id}. Rows are cloned from <template>s and
// filled with textContent, so no report text is ever parsed as HTML.

const root = document.getElementById("clusters");
const status = document.getElementById("clusters-status");
const FIELDS = ["dyad", "country", "type", "since", "until", "limit", "offset"];
const CODES = new Set(["dyad", "country", "type"]);

function query() {
  const here = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const name of FIELDS) {
    const value = (here.get(name) || "").trim();
    if (value) out.set(name, CODES.has(name) ? value.toUpperCase() : value);
  }
  if (!out.has("limit")) out.set("limit", "50");
  return out;
}

function safeLink(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function storyHref(story, event) {
  return `/stories/${encodeURIComponent(story)}?event=${encodeURIComponent(event)}#ev-${encodeURIComponent(event)}`;
}

async function getJSON(path) {
  const res = await fetch(path, {headers: {Accept: "application/json"}});
  const body = await res.json().catch(() => ({}));
  return {status: res.status, body};
}

function message(body) {
  const d = body && body.detail;
  if (Array.isArray(d)) return d.map((x) => x.msg).join("; ");
  return typeof d === "string" ? d : "unexpected answer from the server";
}

function sides(item) {
  const a = (item.actor_countries || []).join(", ") || "?";
  const b = (item.recipient_countries || []).join(", ") || "?";
  return item.reciprocal ? `${a} ↔ ${b}` : `${a} → ${b}`;
}

function row(item, expanded) {
  const tr = document.getElementById("cluster-row").content.firstElementChild.cloneNode(true);
  tr.querySelector(".date").textContent = (item.date && item.date.value) || "undated";
  const type = tr.querySelector(".etype");
  type.textContent = item.type || "?";
  type.href = `/clusters/${encodeURIComponent(item.cluster)}`;
  tr.querySelector(".sides").textContent = sides(item);
  tr.querySelector(".count").textContent = String(item.source_count ?? (item.sources || []).length);
  tr.querySelector(".seen").textContent = `${item.first_seen || "?"} · ${item.last_seen || "?"}`;
  const reports = tr.querySelector(".reports");
  const sources = item.sources || [];
  for (const s of expanded ? sources : sources.slice(0, 3)) {
    const div = document.getElementById("cluster-report").content.firstElementChild.cloneNode(true);
    const a = div.querySelector(".story");
    a.textContent = s.title || s.story;
    a.href = storyHref(s.story, s.event);
    div.querySelector(".published").textContent = s.published || "";
    const ext = div.querySelector(".ext");
    const link = safeLink(s.url);
    if (link) ext.href = link; else ext.remove();
    div.querySelector(".sentence").textContent = expanded ? (s.sentence || "") : "";
    reports.appendChild(div);
  }
  if (!expanded && sources.length > 3) {
    const more = document.createElement("a");
    more.href = type.href;
    more.textContent = `all ${sources.length} reports`;
    reports.appendChild(more);
  }
  return tr;
}

function csv(items) {
  const cell = (v) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const lines = [["cluster", "date", "type", "actor_countries", "recipient_countries", "source_count", "first_seen", "last_seen", "stories"].join(",")];
  for (const i of items) {
    lines.push([i.cluster, i.date && i.date.value, i.type, (i.actor_countries || []).join(" "), (i.recipient_countries || []).join(" "),
      i.source_count, i.first_seen, i.last_seen, (i.sources || []).map((s) => s.story).join(" ")].map(cell).join(","));
  }
  return URL.createObjectURL(new Blob([lines.join("\n") + "\n"], {type: "text/csv"}));
}

function show(items, expanded) {
  const table = document.getElementById("clusters-table");
  const body = table.querySelector("tbody");
  body.replaceChildren(...items.map((i) => row(i, expanded)));
  table.hidden = items.length === 0;
  table.dataset.rows = String(items.length);
  document.getElementById("clusters-csv").href = csv(items);
}

function pager(page) {
  const bar = document.getElementById("clusters-bar");
  bar.hidden = false;
  const first = page.total ? page.offset + 1 : 0;
  const last = Math.min(page.offset + page.limit, page.total);
  document.getElementById("clusters-range").textContent = `${first}–${last} of ${page.total} real events`;
  const move = (id, offset, ok) => {
    const a = document.getElementById(id);
    a.hidden = !ok;
    const q = new URLSearchParams(location.search);
    q.set("offset", String(Math.max(0, offset)));
    a.href = `/clusters?${q}`;
  };
  move("clusters-prev", page.offset - page.limit, page.offset > 0);
  move("clusters-next", page.offset + page.limit, page.offset + page.limit < page.total);
}

async function load() {
  const one = root.dataset.cluster;
  try {
    const list = root.dataset.available === "false" ? {status: 404} :
      await getJSON(`/api/clusters?${one ? "limit=1" : query()}`);
    if (list.status === 404) {
      status.textContent = "Real events are not available on this server yet: it has no /api/clusters endpoint " +
        "(cross-story clustering, issue 12). The timeline's “one row per real event” option groups reports meanwhile.";
      root.dataset.state = "unavailable";
      return;
    }
    if (list.status !== 200) {
      status.textContent = message(list.body);
      root.dataset.state = "error";
      return;
    }
    if (one) {
      const got = await getJSON(`/api/clusters/${encodeURIComponent(one)}`);
      if (got.status !== 200) {
        status.textContent = got.status === 404 ? `No real event ${one} in this database.` : message(got.body);
        root.dataset.state = "error";
        return;
      }
      status.textContent = `${got.body.source_count ?? (got.body.sources || []).length} reports of one real-world event.`;
      show([got.body], true);
    } else {
      status.textContent = list.body.total ? "" : "No real events match these filters.";
      pager(list.body);
      show(list.body.items, false);
    }
    root.dataset.state = "ready";
  } catch (err) {
    status.textContent = `Could not reach the server: ${err.message}`;
    root.dataset.state = "error";
  }
}

load();
