// The page's charts, bundled into wwwroot/viz.js (build.mjs): window.KronikaViz.volume draws stories per day or month
// with a time axis, a count axis and values; window.KronikaViz.map draws event places as circles on a world outline
// (Natural Earth via npm world-atlas, projected with d3-geo). Nothing is fetched at run time. Each draws SVG with a
// title and description, and a visually hidden table of the same numbers for screen readers. Colours are SVG
// attributes (the page's CSP allows no inline styles); the page's stylesheet may override them by class.
import { geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const SVG = "http://www.w3.org/2000/svg";

const WORDS = {
  lt: {
    articles: ["straipsnis", "straipsniai", "straipsnių"],
    events: ["įvykis", "įvykiai", "įvykių"],
    months: ["saus.", "vas.", "kov.", "bal.", "geg.", "birž.", "liep.", "rugp.", "rugs.", "spal.", "lapkr.", "gruod."],
    perMonth: "per mėnesį",
    perDay: "per dieną",
    byPublished: "pagal paskelbimo datą",
    byEvent: "pagal datas, apie kurias rašoma",
    published: "Paskelbimo data",
    event: "Data, apie kurią rašoma",
    period: "Laikotarpis",
    count: "Kiekis",
    place: "Vieta",
    noData: "Duomenų nėra",
    noPlaces: "Vietų su koordinatėmis nėra",
    total: "Iš viso",
    most: "daugiausia",
    map: "Įvykių vietos",
    atCapital: "rodoma sostinėje",
  },
  en: {
    articles: ["article", "articles"],
    events: ["event", "events"],
    perMonth: "per month",
    perDay: "per day",
    byPublished: "by publication date",
    byEvent: "by the dates they talk about",
    published: "Publication date",
    event: "Date talked about",
    period: "Period",
    count: "Count",
    place: "Place",
    noData: "No data",
    noPlaces: "No places with coordinates",
    total: "Total",
    most: "most",
    map: "Places of events",
    atCapital: "shown at the capital",
  },
};

/** The form of a noun for a count: Lithuanian one/few/many (1, 21 straipsnis; 2–9 straipsniai; 0, 10–20 straipsnių), English one/other. */
export function plural(n, forms) {
  if (forms.length === 2) return n === 1 ? forms[0] : forms[1];
  const d = n % 10, h = n % 100;
  if (d === 1 && h !== 11) return forms[0];
  if (d >= 2 && (h < 10 || h > 20)) return forms[1];
  return forms[2];
}

function svg(name, attrs, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  if (parent) parent.appendChild(e);
  return e;
}

function html(name, attrs, parent, text) {
  const e = document.createElement(name);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

function text(parent, attrs, content) {
  const t = svg("text", attrs, parent);
  t.textContent = content;
  return t;
}

let ids = 0;
const id = (prefix) => `kv-${prefix}-${++ids}`;

/** Hidden from sight, not from screen readers (set through the CSSOM, which the page's CSP allows). */
function visuallyHidden(e) {
  Object.assign(e.style, {
    position: "absolute", width: "1px", height: "1px", padding: "0", margin: "-1px", overflow: "hidden",
    clip: "rect(0 0 0 0)", clipPath: "inset(50%)", whiteSpace: "nowrap", border: "0",
  });
  return e;
}

function table(parent, caption, headers, rows) {
  // A table is never narrower than its content: the box around it is what is hidden.
  const t = html("table", { class: "kv-data" }, visuallyHidden(html("div", { class: "kv-sr" }, parent)));
  html("caption", {}, t, caption);
  const head = html("tr", {}, html("thead", {}, t));
  for (const h of headers) html("th", { scope: "col" }, head, h);
  const body = html("tbody", {}, t);
  for (const row of rows) {
    const tr = html("tr", {}, body);
    row.forEach((cell, i) => html(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, tr, cell));
  }
  return t;
}

const lang = (options) => (options && options.lang === "en" ? "en" : "lt");
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const width = (container, fallback) => Math.max(320, Math.round(container.clientWidth || fallback));

/** Ticks 0…top at a step of 1, 2 or 5 × 10ⁿ, about <paramref name="count"/> of them. */
function countTicks(max, count) {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough));
  const ticks = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

const DAY = 86400000;

function parsePeriod(date) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], m[3] ? +m[3] : null];
  const start = Date.UTC(y, mo - 1, d || 1);
  return { start, end: d ? start + DAY : Date.UTC(y, mo, 1), monthly: d === null };
}

/** Tick positions on the time axis: days, weeks, months, quarters or years, whichever gives at most <paramref name="most"/>. */
function timeTicks(from, to, most) {
  const d = new Date(from);
  const candidates = [
    { unit: "day", step: 1 }, { unit: "day", step: 7 }, { unit: "month", step: 1 }, { unit: "month", step: 3 },
    { unit: "month", step: 6 }, { unit: "year", step: 1 }, { unit: "year", step: 2 }, { unit: "year", step: 5 }, { unit: "year", step: 10 },
  ];
  for (const c of candidates) {
    const ticks = [];
    let t;
    if (c.unit === "day") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    else if (c.unit === "month") {
      const m = d.getUTCMonth();
      t = Date.UTC(d.getUTCFullYear(), m + ((c.step - (m % c.step)) % c.step), 1);
      if (t < from) t = Date.UTC(d.getUTCFullYear(), m + c.step - (m % c.step), 1);
    } else {
      const y = d.getUTCFullYear();
      t = Date.UTC(y + ((c.step - (y % c.step)) % c.step), 0, 1);
      if (t < from) t = Date.UTC(y + c.step - (y % c.step), 0, 1);
    }
    while (t <= to && ticks.length <= most) {
      ticks.push(t);
      const n = new Date(t);
      t = c.unit === "day" ? t + c.step * DAY
        : c.unit === "month" ? Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + c.step, 1)
        : Date.UTC(n.getUTCFullYear() + c.step, 0, 1);
    }
    if (ticks.length <= most) return { unit: c.unit, ticks };
  }
  return { unit: "year", ticks: [from] };
}

/**
 * Draws stories (or other counts) per day or month into <container>: bars on a time axis, a count axis with gridlines,
 * the values over the bars wide enough to hold them (and over the highest always), a title, and a hidden table.
 * series: [{date: "YYYY-MM-DD" | "YYYY-MM", count}]; options: {label, by: "published" | "event", lang: "lt" | "en", unit}.
 */
export function volume(container, series, options = {}) {
  const L = lang(options), t = WORDS[L];
  const unit = options.unit || t.articles;
  const by = options.by === "event" ? "event" : "published";
  const points = (series || [])
    .map((p) => ({ date: String(p.date), count: Math.max(0, Number(p.count) || 0), period: parsePeriod(String(p.date)) }))
    .filter((p) => p.period)
    .sort((a, b) => a.period.start - b.period.start);
  const monthly = points.length === 0 || points[0].period.monthly;
  const title = options.label || `${capitalize(unit[1])} ${monthly ? t.perMonth : t.perDay} ${by === "event" ? t.byEvent : t.byPublished}`;
  const inWords = new Intl.DateTimeFormat(L, monthly ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const number = new Intl.NumberFormat(L);
  const say = (n) => `${number.format(n)} ${plural(n, unit)}`;

  container.replaceChildren();
  const figure = html("figure", { class: "kv-chart kv-volume" }, container);
  const W = width(container, 640), H = 260;
  const m = { left: 48, right: 16, top: 40, bottom: 52 };
  const titleId = id("title"), descId = id("desc");
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "kv-svg", "font-family": "sans-serif", "font-size": 12 }, figure);
  svg("title", { id: titleId }, root).textContent = title;
  const total = points.reduce((s, p) => s + p.count, 0);
  const top = points.reduce((a, p) => (p.count > (a ? a.count : -1) ? p : a), null);
  svg("desc", { id: descId }, root).textContent = points.length === 0 ? t.noData
    : `${t.total}: ${say(total)}; ${t.most} ${inWords.format(top.period.start)}: ${say(top.count)}.`;
  text(root, { x: m.left, y: 16, class: "kv-label", fill: "#333", "font-weight": "bold" }, title);

  const plotW = W - m.left - m.right, plotH = H - m.top - m.bottom;
  const from = points.length ? points[0].period.start : Date.UTC(new Date().getUTCFullYear(), 0, 1);
  const to = points.length ? points[points.length - 1].period.end : from + 365 * DAY;
  const x = (ms) => m.left + ((ms - from) / Math.max(1, to - from)) * plotW;
  const ticks = countTicks(top ? top.count : 0, 4);
  const yTop = ticks[ticks.length - 1];
  const y = (v) => m.top + plotH - (v / yTop) * plotH;

  // The count axis: gridlines, ticks and numbers, and its name.
  const yAxis = svg("g", { class: "kv-axis kv-axis-y", "aria-hidden": "true" }, root);
  for (const v of ticks) {
    svg("line", { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), stroke: v === 0 ? "#555" : "#e2e2e2" }, yAxis);
    text(yAxis, { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", fill: "#444" }, number.format(v));
  }
  svg("line", { x1: m.left, x2: m.left, y1: m.top, y2: m.top + plotH, stroke: "#555" }, yAxis);
  text(yAxis, { x: 12, y: m.top + plotH / 2, "text-anchor": "middle", fill: "#444", transform: `rotate(-90 12 ${m.top + plotH / 2})` }, capitalize(unit[1]));

  // The time axis: ticks at days, weeks, months or years, labelled in the page's language (the year under the first
  // tick and under each January).
  const xAxis = svg("g", { class: "kv-axis kv-axis-x", "aria-hidden": "true" }, root);
  const { unit: tickUnit, ticks: times } = timeTicks(from, to, Math.max(2, Math.floor(plotW / 56)));
  // Chromium's short Lithuanian month is a number (`04`): the abbreviations Lithuanian writes are in the word list.
  const monthName = L === "lt" ? { format: (ms) => t.months[new Date(ms).getUTCMonth()] } : new Intl.DateTimeFormat(L, { month: "short", timeZone: "UTC" });
  const dayName = new Intl.DateTimeFormat(L, { month: "numeric", day: "numeric", timeZone: "UTC" });
  let lastYear = null;
  for (const tick of times) {
    const d = new Date(tick), tx = x(tick);
    svg("line", { x1: tx, x2: tx, y1: m.top + plotH, y2: m.top + plotH + 5, stroke: "#555" }, xAxis);
    const label = text(xAxis, { x: tx, y: m.top + plotH + 18, "text-anchor": "middle", fill: "#444" }, tickUnit === "year" ? String(d.getUTCFullYear()) : tickUnit === "month" ? monthName.format(tick) : dayName.format(tick));
    if (tickUnit !== "year" && d.getUTCFullYear() !== lastYear) svg("tspan", { x: tx, dy: 14 }, label).textContent = String(d.getUTCFullYear());
    lastYear = d.getUTCFullYear();
  }
  text(xAxis, { x: m.left + plotW / 2, y: H - 4, "text-anchor": "middle", fill: "#444" }, by === "event" ? t.event : t.published);

  // The bars, each with its period and count as a tooltip; values over the bars where they fit.
  const bars = svg("g", { class: "kv-bars" }, root);
  for (const p of points) {
    const x0 = x(p.period.start), x1 = x(p.period.end);
    const gap = x1 - x0 > 4 ? 1 : 0;
    const bar = svg("rect", { class: "kv-bar", x: x0 + gap / 2, y: y(p.count), width: Math.max(1, x1 - x0 - gap), height: Math.max(0, y(0) - y(p.count)), fill: "#3a6ea5" }, bars);
    svg("title", {}, bar).textContent = `${inWords.format(p.period.start)}: ${say(p.count)}`;
    if (p.count > 0 && (x1 - x0 >= 7 * String(p.count).length + 4 || p === top))
      text(bars, { class: "kv-value", x: (x0 + x1) / 2, y: y(p.count) - 4, "text-anchor": "middle", fill: "#222" }, number.format(p.count));
  }
  if (points.length === 0) text(root, { x: m.left + plotW / 2, y: m.top + plotH / 2, "text-anchor": "middle", fill: "#666" }, t.noData);

  table(figure, title, [t.period, t.count], points.map((p) => [inWords.format(p.period.start), number.format(p.count)]));
  return figure;
}

let countries;

/**
 * Draws places on a world map into <container>: the countries' outlines (Natural Earth 1:110m), fitted to the places
 * (the whole world when they are spread over it), a circle per place sized by its count (area ∝ count), the names and
 * counts of the biggest, a size legend; each place is focusable, named with its count, and selects on click, Enter
 * or Space (options.onSelect(place)). places: [{name, lat, lon, count, id?, at_capital?}]; options: {lang, onSelect, unit}.
 */
export function map(container, places, options = {}) {
  const L = lang(options), t = WORDS[L];
  const unit = options.unit || t.events;
  const number = new Intl.NumberFormat(L);
  const say = (n) => `${number.format(n)} ${plural(n, unit)}`;
  const list = (places || [])
    .map((p) => ({ place: p, lat: Number(p.lat), lon: Number(p.lon), count: Math.max(0, Number(p.count) || 0), name: String(p.name) }))
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, L));
  const title = options.label || t.map;

  container.replaceChildren();
  const figure = html("figure", { class: "kv-chart kv-map" }, container);
  const W = width(container, 720), H = Math.round(Math.min(560, Math.max(240, W * 0.52)));
  const titleId = id("title"), descId = id("desc");
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "group", "aria-labelledby": `${titleId} ${descId}`, class: "kv-svg", "font-family": "sans-serif", "font-size": 12 }, figure);
  svg("title", { id: titleId }, root).textContent = title;
  svg("desc", { id: descId }, root).textContent = list.length === 0 ? t.noPlaces
    : `${list.length} ${plural(list.length, L === "lt" ? ["vieta", "vietos", "vietų"] : ["place", "places"])}; ${t.most}: ${list.slice(0, 3).map((p) => `${p.name} (${say(p.count)})`).join(", ")}.`;

  // The projection: the world, or the places' region with a margin (at least a country's width around one place).
  const projection = geoEqualEarth();
  const extent = [[6, 6], [W - 6, H - 6]];
  const lons = list.map((p) => p.lon), lats = list.map((p) => p.lat);
  const spanLon = list.length ? Math.max(...lons) - Math.min(...lons) : 360;
  if (list.length === 0 || spanLon > 150) projection.fitExtent(extent, { type: "Sphere" });
  else {
    const centre = (Math.max(...lons) + Math.min(...lons)) / 2;
    const padLon = Math.max(12, spanLon * 0.25), padLat = Math.max(7, (Math.max(...lats) - Math.min(...lats)) * 0.25);
    const [w, e] = [Math.min(...lons) - padLon, Math.max(...lons) + padLon];
    const [s, n] = [Math.max(-85, Math.min(...lats) - padLat), Math.min(85, Math.max(...lats) + padLat)];
    projection.rotate([-centre, 0]).fitExtent(extent, { type: "MultiPoint", coordinates: [[w, s], [w, n], [e, s], [e, n], [centre, s], [centre, n]] });
  }
  const path = geoPath(projection);

  const land = svg("g", { class: "kv-world", "aria-hidden": "true" }, root);
  svg("path", { class: "kv-sphere", d: path({ type: "Sphere" }), fill: "#eaf2f8", stroke: "#c9d6e0" }, land);
  svg("path", { class: "kv-graticule", d: path(geoGraticule10()), fill: "none", stroke: "#d7e3ec", "stroke-width": 0.5 }, land);
  countries ??= feature(world, world.objects.countries).features;
  for (const c of countries) svg("path", { class: "kv-country", d: path(c), fill: "#dcd8cc", stroke: "#ffffff", "stroke-width": 0.6 }, land);

  // Circles, biggest first so that small ones stay on top and reachable.
  const max = list.length ? list[0].count : 1;
  const radius = (n) => 4 + 16 * Math.sqrt(n / Math.max(1, max));
  const marks = svg("g", { class: "kv-places" }, root);
  const labels = [];
  const drawn = [];
  for (const p of list) {
    const at = projection([p.lon, p.lat]);
    if (!at || !Number.isFinite(at[0])) continue;
    const [cx, cy] = at, r = radius(p.count);
    const name = `${p.name}: ${say(p.count)}${p.place.at_capital ? ` (${t.atCapital})` : ""}`;
    const g = svg("g", { class: "kv-place", tabindex: 0, role: "button", "aria-label": name }, marks);
    svg("title", {}, g).textContent = name;
    const circle = svg("circle", { cx, cy, r, fill: "#c0392b", "fill-opacity": 0.65, stroke: "#7b1d14", "stroke-width": 1 }, g);
    g.addEventListener("focus", () => { circle.setAttribute("stroke", "#000"); circle.setAttribute("stroke-width", 3); });
    g.addEventListener("blur", () => { circle.setAttribute("stroke", "#7b1d14"); circle.setAttribute("stroke-width", 1); });
    const select = () => options.onSelect && options.onSelect(p.place);
    g.addEventListener("click", select);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(); }
    });
    drawn.push({ p, cx, cy, r });
  }
  // Names and counts of the biggest places, where they do not overlap each other.
  const labelGroup = svg("g", { class: "kv-labels", "aria-hidden": "true" }, root);
  for (const { p, cx, cy, r } of drawn.slice(0, 12)) {
    const content = `${p.name} ${number.format(p.count)}`;
    const w = content.length * 6.6, h = 14;
    const right = { x: cx + r + 3, y: cy - h / 2 }, left = { x: cx - r - 3 - w, y: cy - h / 2 };
    const fits = (b) => b.x >= 0 && b.x + w <= W && b.y >= 0 && b.y + h <= H && labels.every((o) => b.x + w < o.x || o.x + o.w < b.x || b.y + h < o.y || o.y + o.h < b.y);
    const box = fits(right) ? right : fits(left) ? left : null;
    if (!box) continue;
    labels.push({ ...box, w, h });
    text(labelGroup, { x: box.x, y: box.y + h - 3, fill: "#222", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke", "stroke-linejoin": "round" }, content);
  }
  // A size legend: the largest count and a quarter of it.
  if (list.length) {
    const legend = svg("g", { class: "kv-legend", "aria-hidden": "true" }, root);
    const back = svg("rect", { x: 6, y: H - 20 - 2 * radius(max), height: 2 * radius(max) + 12, rx: 4, fill: "#ffffff", "fill-opacity": 0.8 }, legend);
    const sizes = [...new Set([max, Math.max(1, Math.round(max / 4))])];
    let lx = 14;
    for (const n of sizes) {
      const r = radius(n);
      svg("circle", { cx: lx + r, cy: H - 14 - r, r, fill: "#c0392b", "fill-opacity": 0.3, stroke: "#7b1d14" }, legend);
      text(legend, { x: lx + 2 * r + 4, y: H - 14 - r + 4, fill: "#333", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, say(n));
      lx += 2 * r + 16 + say(n).length * 6.6;
    }
    back.setAttribute("width", String(lx - 12));
  } else text(root, { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#555" }, t.noPlaces);

  table(figure, title, [t.place, t.count], list.map((p) => [p.name, number.format(p.count)]));
  return figure;
}

if (typeof window !== "undefined") window.KronikaViz = { volume, map };
