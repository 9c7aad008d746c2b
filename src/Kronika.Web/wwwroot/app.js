// Kronika's page: search, article view, entity page and event timeline over /api. Every text from the data is put in
// the page as text (textContent, never innerHTML), so news text with markup in it stays text.
"use strict";

const words = {
  lt: {
    "nav.search": "Paieška", "nav.events": "Įvykiai", language: "English",
    footer: "Kronika: įvykių kronika iš lietuviškų naujienų. Kiekvienas faktas rodo į straipsnio žodžius.",
    query: "Ko ieškoti (pvz., Putinas, \"Šiaurės Korėja\", prezident*)", from: "Nuo", to: "Iki", entity: "Subjektas",
    anyType: "Bet kokio tipo", search: "Ieškoti", found: n => `Rasta straipsnių: ${n}`, none: "Nieko nerasta.",
    copies: n => `kopijų: ${n}`, entities: "Subjektai", times: "Laiko išraiškos", quantities: "Kiekiai", quotes: "Citatos",
    events: "Įvykiai", speaker: "kalbėtojas", unknown: "nežinomas", mentions: "paminėjimai", articles: "straipsniai",
    byMonth: "Straipsniai pagal mėnesį", coMentioned: "Minimi kartu", latestEvents: "Naujausi įvykiai",
    actor: "Kas", target: "Kam", type: "Tipas", date: "Data", reports: "Pranešimai", source: "Šaltinis", show: "Rodyti",
    allTypes: "Visi tipai", legend: "Spalvos: subjektai, laikas, kiekiai, citatos, įvykiai", error: "Klaida",
  },
  en: {
    "nav.search": "Search", "nav.events": "Events", language: "Lietuviškai",
    footer: "Kronika: a chronicle of events from Lithuanian news. Every fact points back to the article's words.",
    query: "Search for (e.g. Putinas, \"Šiaurės Korėja\", prezident*)", from: "From", to: "To", entity: "Entity",
    anyType: "Any type", search: "Search", found: n => `Articles found: ${n}`, none: "Nothing found.",
    copies: n => `copies: ${n}`, entities: "Entities", times: "Time expressions", quantities: "Quantities", quotes: "Quotes",
    events: "Events", speaker: "speaker", unknown: "unknown", mentions: "mentions", articles: "articles",
    byMonth: "Articles per month", coMentioned: "Mentioned with", latestEvents: "Latest events",
    actor: "Who", target: "To whom", type: "Type", date: "Date", reports: "Reports", source: "Source", show: "Show",
    allTypes: "All types", legend: "Colours: entities, time, quantities, quotes, events", error: "Error",
  },
};
const eventTypes = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

let language = localStorage.getItem("kronika.language") || "lt";
const t = key => words[language][key];

/** An element with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined) node.setAttribute(name, value);
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || Object.values(body.errors || {}).flat().join("; ") || body.title);
  return body;
}

function translateChrome() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

/** A snippet with its highlight offsets, the matches in <mark>. */
function marked(text, highlights) {
  const parts = [];
  let at = 0;
  for (const [start, end] of highlights) {
    parts.push(text.slice(at, start), el("mark", {}, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function route() {
  const [path, query] = location.hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const view = document.getElementById("view");
  view.replaceChildren();
  const parts = (path || "/").split("/").filter(Boolean).map(decodeURIComponent);
  const show = parts[0] === "article" ? showArticle(view, parts[1])
    : parts[0] === "entity" ? showEntity(view, parts[1])
    : parts[0] === "events" ? showEvents(view, params)
    : showSearch(view, params);
  show.catch(error => view.append(el("p", { class: "error" }, `${t("error")}: ${error.message}`)));
}

async function showSearch(view, params) {
  const types = el("select", { name: "type" }, el("option", { value: "" }, t("anyType")), ["PER", "ORG", "LOC", "MISC"].map(x => el("option", { value: x }, x)));
  const form = el("form", { class: "search", role: "search" },
    el("input", { name: "q", type: "search", placeholder: t("query"), "aria-label": t("query") }),
    el("input", { name: "entity", placeholder: t("entity"), "aria-label": t("entity") }),
    el("label", {}, `${t("from")} `, el("input", { name: "from", type: "date" })),
    el("label", {}, `${t("to")} `, el("input", { name: "to", type: "date" })),
    types, el("button", { type: "submit" }, t("search")));
  for (const name of ["q", "entity", "from", "to", "type"]) if (params.get(name)) form.elements[name].value = params.get(name);
  form.addEventListener("submit", event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of ["q", "entity", "from", "to", "type"]) if (form.elements[name].value) query.set(name, form.elements[name].value);
    location.hash = `#/?${query}`;
  });
  view.append(form);
  if (![...params.keys()].length) return;
  const page = await api(`/api/search?${params}&limit=20`);
  view.append(el("p", { class: "muted" }, page.total ? t("found")(page.total) : t("none")));
  view.append(el("ol", { class: "hits" }, page.hits.map(h => el("li", {},
    el("div", {}, el("span", { class: "muted" }, `${h.date} `), el("a", { class: "title", href: `#/article/${h.id}` }, h.title)),
    el("div", { class: "snippet" }, marked(h.snippet, h.highlights)),
    el("div", { class: "muted" }, h.url || h.source, h.copies ? ` · ${t("copies")(h.copies)}` : "")))));
}

/** The article's text with every annotation as a span; overlapping annotations nest by splitting at every boundary. */
function annotatedText(doc) {
  const marks = [];
  for (const e of doc.entities) marks.push({ start: e.start, end: e.end, cls: `ent ${e.type}`, title: `${e.canonical} (${e.type}${e.kb ? ", " + e.kb : ""})` });
  for (const x of doc.times) marks.push({ start: x.start, end: x.end, cls: "time", title: `${x.type} ${x.value}${x.mod ? " " + x.mod : ""}` });
  for (const q of doc.quantities) marks.push({ start: q.start, end: q.end, cls: "qty", title: `${q.value}${q.unit ? " " + q.unit : ""}${q.approx ? " " + q.approx : ""}` });
  for (const q of doc.quotes) marks.push({ start: q.start, end: q.end, cls: "quote", title: `${t("speaker")}: ${q.speakerName || t("unknown")}` });
  for (const e of doc.events) marks.push({ start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: `${e.type}${e.mode ? "/" + e.mode : ""} ${e.date || ""} ${e.modality}` });
  const cuts = new Set([0, doc.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  for (const p of doc.paragraphs) { cuts.add(p.start); cuts.add(p.end); }
  const points = [...cuts].sort((a, b) => a - b);
  return doc.paragraphs.map(p => el("p", {}, points.filter(x => x >= p.start && x < p.end).map((start, i, all) => {
    const end = Math.min(p.end, points[points.indexOf(start) + 1]);
    const covering = marks.filter(m => m.start <= start && end <= m.end);
    const text = doc.text.slice(start, end);
    return covering.length ? el("span", { class: covering.map(m => m.cls).join(" "), title: covering.map(m => m.title).join(" · ") }, text) : text;
  })));
}

async function showArticle(view, id) {
  const doc = await api(`/api/articles/${encodeURIComponent(id)}`);
  const entities = [...new Map(doc.entities.map(e => [e.id, e])).values()];
  const side = el("aside", {},
    el("h3", {}, t("entities")), el("ul", {}, entities.map(e => el("li", {}, el("a", { href: `#/entity/${encodeURIComponent(e.kb || e.canonical)}` }, e.canonical), ` ${e.type}`))),
    el("h3", {}, t("times")), el("ul", {}, doc.times.map(x => el("li", {}, `${x.text} → ${x.value}${x.mod ? " " + x.mod : ""}`))),
    el("h3", {}, t("quantities")), el("ul", {}, doc.quantities.map(q => el("li", {}, `${q.text} → ${q.value}${q.unit ? " " + q.unit : ""}${q.approx ? " (" + q.approx + ")" : ""}`))),
    el("h3", {}, t("quotes")), el("ul", {}, doc.quotes.map(q => el("li", {}, `„${q.text}“ — ${q.speakerName || t("unknown")}`))),
    el("h3", {}, t("events")), el("ul", { class: "event-list" }, doc.events.map(e => el("li", {},
      `${e.type}${e.mode ? "/" + e.mode : ""}: ${e.actors.map(a => a.canonical).join(", ")}${e.targets.length ? " → " + e.targets.map(a => a.canonical).join(", ") : ""} `,
      el("span", { class: "muted" }, `${e.date || ""} ${e.modality}${e.source && e.source.name ? " · " + e.source.name : ""}`)))));
  view.append(el("p", { class: "muted" }, `${doc.date} · `, doc.url ? el("a", { href: doc.url, rel: "noreferrer" }, doc.url) : doc.source),
    el("p", { class: "legend muted" }, el("span", { class: "ent PER" }, t("entities")), el("span", { class: "time" }, t("times")),
      el("span", { class: "qty" }, t("quantities")), el("span", { class: "quote" }, t("quotes")), el("span", { class: "trigger" }, t("events"))),
    el("div", { class: "article" }, el("div", { class: "text" }, annotatedText(doc)), side));
}

/** Every month from the first to the last of `periods` (YYYY-MM), those without articles at zero. */
function everyMonth(periods) {
  if (!periods.length) return [];
  const count = new Map(periods.map(p => [p.period, p.articles]));
  const [first, last] = [periods[0].period, periods[periods.length - 1].period];
  const months = [];
  for (let [y, m] = first.split("-").map(Number); `${y}-${String(m).padStart(2, "0")}` <= last && months.length < 600; m === 12 ? (y++, m = 1) : m++) {
    const period = `${y}-${String(m).padStart(2, "0")}`;
    months.push({ period, articles: count.get(period) || 0 });
  }
  return months;
}

/** Bars of articles per period, drawn as SVG. */
function chart(periods) {
  const width = 640, height = 160, bar = Math.min(24, Math.max(2, Math.floor((width - 20) / Math.max(1, periods.length)) - 2));
  const top = Math.max(1, ...periods.map(p => p.articles));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 30}`);
  svg.setAttribute("role", "img");
  periods.forEach((p, i) => {
    const h = Math.round((p.articles / top) * height);
    const rect = document.createElementNS(svg.namespaceURI, "rect");
    for (const [k, v] of Object.entries({ x: 10 + i * (bar + 2), y: height - h, width: bar, height: h })) rect.setAttribute(k, v);
    const title = document.createElementNS(svg.namespaceURI, "title");
    title.textContent = `${p.period}: ${p.articles}`;
    rect.append(title);
    svg.append(rect);
    if (i === 0 || i === periods.length - 1) {
      const label = document.createElementNS(svg.namespaceURI, "text");
      label.setAttribute("x", 10 + i * (bar + 2));
      label.setAttribute("y", height + 15);
      label.textContent = p.period;
      svg.append(label);
    }
  });
  return svg;
}

function eventsTable(events) {
  return el("table", { class: "events" },
    el("tr", {}, [t("date"), t("type"), t("actor"), t("target"), t("reports")].map(h => el("th", {}, h))),
    events.map(e => el("tr", {},
      el("td", {}, e.date || ""), el("td", {}, `${e.type}${e.mode ? "/" + e.mode : ""}`),
      el("td", {}, e.actors.join(", ")), el("td", {}, e.targets.join(", ")),
      el("td", {}, e.mentions.map(m => el("div", {}, el("a", { href: `#/article/${m.article_id}` }, m.article_date), ` ${m.sentence}`)),
        e.mention_count > e.mentions.length ? el("div", { class: "muted" }, `+${e.mention_count - e.mentions.length}`) : null))));
}

async function showEntity(view, name) {
  const page = await api(`/api/entities/${encodeURIComponent(name)}?period=month`);
  const e = page.entity;
  view.append(el("h1", {}, e.canonical),
    el("p", { class: "muted" }, `${e.type} · ${e.mentions} ${t("mentions")} · ${e.articles} ${t("articles")}`,
      e.kb ? el("span", {}, " · ", el("a", { href: `https://www.wikidata.org/wiki/${e.kb}`, rel: "noreferrer" }, e.kb)) : null),
    el("h3", {}, t("byMonth")), chart(everyMonth(page.by_publication)),
    el("h3", {}, t("coMentioned")), el("ul", {}, page.co_mentioned.map(c =>
      el("li", {}, el("a", { href: `#/entity/${encodeURIComponent(c.entity.kb || c.entity.canonical)}` }, c.entity.canonical), ` (${c.articles})`))),
    el("h3", {}, t("latestEvents")), eventsTable(page.events),
    el("h3", {}, t("quotes")), el("ul", { class: "quotes" }, page.quotes.map(q =>
      el("li", {}, `„${q.text}“ `, el("a", { href: `#/article/${q.article_id}` }, q.date)))),
    el("p", {}, el("a", { href: `#/events?actor=${encodeURIComponent(e.kb || e.canonical)}` }, t("events"))));
}

async function showEvents(view, params) {
  const types = el("select", { name: "type" }, el("option", { value: "" }, t("allTypes")), eventTypes.map(x => el("option", { value: x }, x)));
  const form = el("form", { class: "search" },
    el("input", { name: "actor", placeholder: t("actor"), "aria-label": t("actor") }),
    el("input", { name: "target", placeholder: t("target"), "aria-label": t("target") }),
    types, el("button", { type: "submit" }, t("show")));
  for (const name of ["actor", "target", "type"]) if (params.get(name)) form.elements[name].value = params.get(name);
  form.addEventListener("submit", event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of ["actor", "target", "type"]) if (form.elements[name].value) query.set(name, form.elements[name].value);
    location.hash = `#/events?${query}`;
  });
  view.append(form);
  const page = await api(`/api/events?${params}&limit=50&mentions=2`);
  view.append(el("p", { class: "muted" }, `${t("events")}: ${page.total}`), eventsTable(page.events));
}

document.getElementById("language").addEventListener("click", () => {
  language = language === "lt" ? "en" : "lt";
  localStorage.setItem("kronika.language", language);
  translateChrome();
  route();
});
window.addEventListener("hashchange", route);
translateChrome();
route();
