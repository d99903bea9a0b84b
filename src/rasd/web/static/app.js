/* rasd dashboard: map (Leaflet + clustering over offline Natural Earth outlines), timeline with
   brushing, filters, table, and an incident panel with right-to-left Arabic evidence.
   Every string that comes from articles is inserted with textContent, never as HTML. */
"use strict";

const I18N = {
  en: { from: "From", to: "To", type: "Type", country: "Country", actor: "Actor", minSources: "Min. sources",
        clear: "Clear", all: "All", exportCsv: "ACLED CSV", exportGeojson: "GeoJSON", date: "Date", event: "Event",
        actors: "Actors", place: "Place", killed: "Killed", sources: "Sources", tiles: "Base map",
        offline: "Natural Earth outlines (offline)", tileUrl: "Tile URL", brushHint: "Drag on the timeline to filter by date.",
        incidents: "incidents", evidence: "Evidence", sourcesTitle: "Sources", support: "sources support",
        fatalities: "fatalities", injuries: "injuries", unknown: "unknown", legend: "Highlighted: place, date, actor, other fields",
        claimed: "claimed", attributed: "attributed", reported: "reported", lang: "العربية" },
  ar: { from: "من", to: "إلى", type: "النوع", country: "البلد", actor: "الفاعل", minSources: "أدنى عدد للمصادر",
        clear: "مسح", all: "الكل", exportCsv: "تصدير ACLED", exportGeojson: "تصدير GeoJSON", date: "التاريخ", event: "الحدث",
        actors: "الأطراف", place: "المكان", killed: "القتلى", sources: "المصادر", tiles: "الخريطة الأساسية",
        offline: "حدود Natural Earth (دون اتصال)", tileUrl: "رابط البلاطات", brushHint: "اسحب على الخط الزمني للتصفية حسب التاريخ.",
        incidents: "حادثة", evidence: "الدليل", sourcesTitle: "المصادر", support: "مصادر تدعم",
        fatalities: "قتلى", injuries: "جرحى", unknown: "غير معروف", legend: "المظلل: المكان، التاريخ، الفاعل، حقول أخرى",
        claimed: "تبنٍّ", attributed: "اتهام", reported: "مذكور", lang: "English" },
};
let lang = localStorage.getItem("rasd.lang") || "en";
const t = (k) => (I18N[lang] && I18N[lang][k]) || I18N.en[k] || k;

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};

const state = { items: [], brush: null };
const form = document.getElementById("filters");

function params() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) {
    if (v && !(k === "min_sources" && v === "1")) p.set(k, v);
  }
  return p;
}

function applyLang() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.getElementById("lang").textContent = t("lang");
}

// ---------------------------------------------------------------- map
const map = L.map("map", { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([31.5, 40.0], 5);
let tiles = null;
fetch("/static/vendor/ne_countries_50m.geojson").then((r) => r.json()).then((gj) => {
  L.geoJSON(gj, { style: { color: "#8b969e", weight: 1, fillColor: "#eef0eb", fillOpacity: 1 }, interactive: false }).addTo(map);
});
function setTiles(url) {
  if (tiles) { map.removeLayer(tiles); tiles = null; }
  if (url && /^https?:\/\//.test(url)) tiles = L.tileLayer(url, { maxZoom: 18 }).addTo(map);
}
const tileInput = document.getElementById("tile-url");
tileInput.value = localStorage.getItem("rasd.tiles") || "";
setTiles(tileInput.value);
tileInput.addEventListener("change", () => { localStorage.setItem("rasd.tiles", tileInput.value); setTiles(tileInput.value); });
const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
map.addLayer(cluster);

function drawMap(items) {
  cluster.clearLayers();
  const markers = [];
  for (const it of items) {
    if (it.latitude == null || it.longitude == null) continue;
    const m = L.marker([it.latitude, it.longitude], { title: `${it.event_date} ${it.sub_event_type || ""}` });
    m.on("click", () => openIncident(it.id));
    markers.push(m);
  }
  cluster.addLayers(markers);
}

// ---------------------------------------------------------------- timeline
const svg = document.getElementById("timeline");
function drawTimeline(items) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const days = items.map((i) => i.event_date).sort();
  if (!days.length) return;
  const d0 = new Date(days[0]), d1 = new Date(days[days.length - 1]);
  const span = Math.max(1, Math.round((d1 - d0) / 864e5) + 1);
  const counts = new Array(span).fill(0);
  for (const d of days) counts[Math.round((new Date(d) - d0) / 864e5)] += 1;
  const w = svg.clientWidth || 800, h = svg.clientHeight || 80, max = Math.max(...counts);
  const bw = w / span;
  const ns = "http://www.w3.org/2000/svg";
  counts.forEach((c, i) => {
    if (!c) return;
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("class", "bar"); r.setAttribute("x", i * bw); r.setAttribute("width", Math.max(1, bw - 1));
    r.setAttribute("y", h - (c / max) * (h - 4)); r.setAttribute("height", (c / max) * (h - 4));
    svg.appendChild(r);
  });
  svg.dataset.start = days[0]; svg.dataset.span = span;
}
let drag = null;
const dayAt = (x) => {
  const w = svg.clientWidth || 800, span = Number(svg.dataset.span || 1);
  const d = new Date(svg.dataset.start); d.setDate(d.getDate() + Math.floor((x / w) * span));
  return d.toISOString().slice(0, 10);
};
svg.addEventListener("mousedown", (e) => { drag = { x0: e.offsetX }; });
svg.addEventListener("mousemove", (e) => {
  if (!drag) return;
  let b = svg.querySelector("rect.brush");
  if (!b) { b = document.createElementNS("http://www.w3.org/2000/svg", "rect"); b.setAttribute("class", "brush"); svg.appendChild(b); }
  const x = Math.min(drag.x0, e.offsetX), w = Math.abs(e.offsetX - drag.x0);
  b.setAttribute("x", x); b.setAttribute("y", 0); b.setAttribute("width", w); b.setAttribute("height", svg.clientHeight || 80);
});
svg.addEventListener("mouseup", (e) => {
  if (!drag) return;
  const a = Math.min(drag.x0, e.offsetX), b = Math.max(drag.x0, e.offsetX);
  drag = null;
  if (b - a < 3) return;
  form.since.value = dayAt(a); form.until.value = dayAt(b);
  load();
});

// ---------------------------------------------------------------- table and summary
function actorText(it) {
  const basis = it.actor1_basis && it.actor1_basis !== "reported" ? ` (${t(it.actor1_basis)})` : "";
  return `${it.actor1 || "—"}${basis} → ${it.actor2 || "—"}`;
}
function drawTable(items) {
  const tbody = document.querySelector("#table tbody");
  tbody.replaceChildren();
  for (const it of items.slice(0, 2000)) {
    const tr = el("tr", { "data-id": it.id },
      el("td", { text: it.event_date }), el("td", { text: it.sub_event_type || it.event_type || "" }),
      el("td", { text: actorText(it) }), el("td", { text: [it.location, it.country].filter(Boolean).join(", ") }),
      el("td", { text: it.fatalities == null ? "?" : it.fatalities }), el("td", { text: it.n_sources }));
    tr.addEventListener("click", () => openIncident(it.id));
    tbody.appendChild(tr);
  }
}

function fillSelect(select, values) {
  const keep = select.value;
  select.replaceChildren(el("option", { value: "", "data-i18n": "all", text: t("all") }));
  for (const v of values) select.appendChild(el("option", { value: v, text: v }));
  select.value = keep;
}

async function load() {
  const p = params();
  const [res, stats] = await Promise.all([
    fetch(`/api/incidents?limit=10000&${p}`).then((r) => r.json()),
    fetch(`/api/stats?${p}`).then((r) => r.json()),
  ]);
  state.items = res.items;
  document.getElementById("summary").textContent = `${res.total} ${t("incidents")} · ${stats.fatalities} ${t("fatalities")}`;
  drawMap(res.items); drawTimeline(res.items); drawTable(res.items);
  if (!form.type.options.length || form.type.options.length === 1) fillSelect(form.type, Object.keys(stats.by_type).sort());
  if (!form.country.options.length || form.country.options.length === 1) fillSelect(form.country, Object.keys(stats.by_country).filter(Boolean).sort());
  document.getElementById("export-csv").href = `/api/export/acled.csv?${p}`;
  document.getElementById("export-geojson").href = `/api/export/incidents.geojson?${p}`;
  document.body.dataset.loaded = String(Date.now());
}

// ---------------------------------------------------------------- incident panel
const FIELD_ORDER = ["location", "event_date", "actor1", "actor1_basis", "actor2", "trigger", "weapon", "casualties"];

function evidenceNode(sentence, spans) {
  // the sentence with the record's field spans marked; offsets are into the article text
  const marks = [];
  for (const [field, s] of Object.entries(spans || {})) {
    if (s && s.start >= sentence.start && s.end <= sentence.end) marks.push({ field, start: s.start, end: s.end });
  }
  marks.sort((a, b) => a.start - b.start || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  const p = el("p", { class: "evidence", dir: "rtl", lang: "ar" });
  let pos = sentence.start;
  for (const m of marks) {
    if (m.start < pos) continue;  // overlapping spans: keep the first
    p.append(document.createTextNode(sentence.text.slice(pos - sentence.start, m.start - sentence.start)));
    p.append(el("mark", { "data-field": m.field, title: m.field, text: sentence.text.slice(m.start - sentence.start, m.end - sentence.start) }));
    pos = m.end;
  }
  p.append(document.createTextNode(sentence.text.slice(pos - sentence.start)));
  return p;
}

function safeLink(url, label) {
  if (url && /^https?:\/\//i.test(url)) return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: label });
  return el("span", { text: label });
}

async function openIncident(id) {
  const r = await fetch(`/api/incidents/${id}`);
  if (!r.ok) return;
  const inc = await r.json();
  const body = document.getElementById("panel-body");
  const cas = (v) => (v == null ? t("unknown") : v);
  const support = inc.support || {};
  body.replaceChildren(
    el("h2", { text: `${inc.sub_event_type || inc.event_type} — ${inc.event_date}` }),
    el("p", { class: "notes", lang: "en", dir: "ltr", text: inc.notes || "" }),
    el("p", { text: `${actorText(inc)} · ${[inc.location, inc.admin1, inc.country].filter(Boolean).join(", ")}` }),
    el("p", { text: `${t("fatalities")}: ${cas(inc.fatalities)} · ${t("injuries")}: ${cas(inc.injuries)} · ${t("weapon") || "weapon"}: ${inc.weapon || "—"}` }),
    el("p", { class: "support", text: Object.entries(support).map(([k, v]) => `${k}: ${v}/${inc.n_sources}`).join(" · ") }),
    el("h3", { text: `${t("sourcesTitle")} (${inc.n_sources})` }),
    el("p", { class: "legend", text: t("legend") }),
  );
  for (const rec of inc.records) {
    const a = rec.article;
    const head = el("div", {}, safeLink(a.url, a.outlet || a.title || a.source), " · ", el("span", { text: a.published || "" }));
    const title = el("div", { dir: "rtl", lang: "ar", text: a.title || "" });
    const box = el("div", { class: "source", "data-testid": "source" }, head, title);
    for (const s of rec.record.evidence || []) box.append(evidenceNode(s, rec.record.spans));
    body.append(box);
  }
  document.getElementById("panel").hidden = false;
  document.body.dataset.incident = String(id);
}
document.getElementById("close").addEventListener("click", () => { document.getElementById("panel").hidden = true; });

// ---------------------------------------------------------------- wiring
form.addEventListener("change", load);
form.addEventListener("input", (e) => { if (e.target.name === "actor") { clearTimeout(form._t); form._t = setTimeout(load, 300); } });
form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
form.addEventListener("reset", () => setTimeout(load, 0));
document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "en" ? "ar" : "en"; localStorage.setItem("rasd.lang", lang); applyLang();
});
applyLang();
load();
