// Kronika's page: a start page with the question form, the chronology, search, the article view, entity pages and the
// entity index, over /api. Every text from the data is put in the page as text (textContent, never innerHTML), so news
// text with markup in it stays text. Codes from the API are shown in words (labels.json), never as codes.
"use strict";

const words = {
  lt: {
    "nav.home": "Pradžia", "nav.chronicle": "Kronika", "nav.search": "Paieška", "nav.entities": "Subjektai", language: "English",
    languageName: "Kalba", footer: "Kronika: įvykių kronika iš lietuviškų naujienų. Kiekvienas faktas rodo į straipsnio žodžius.",
    skip: "Pereiti prie turinio",
    homeTitle: "Kas ką kam darė, kada ir kas tai sako",
    homeLead: "Įvykiai iš lietuviškų naujienų: datos, šaltiniai ir skaičiai, kiekvienas su straipsnio sakiniu.",
    questionTitle: "Klausimas kronikai", sideA: "Viena pusė (pvz., Rusija)", sideB: "Kita pusė (pvz., Šiaurės Korėja)",
    since: "Nuo (metai arba data, pvz., 2024)", ask: "Rodyti kroniką",
    searchTitle: "Paieška straipsniuose", chronicleTitle: "Įvykių kronika", entitiesTitle: "Subjektų rodyklė",
    query: "Žodžiai (pvz., Putinas, \"Šiaurės Korėja\", prezident*)", queryShort: "Žodžiai",
    from: "Nuo", to: "Iki", entity: "Subjektas", entityType: "Subjekto tipas", anyType: "Bet kokio tipo", search: "Ieškoti",
    eventDates: "Pagal datas, apie kurias rašoma", copies: n => `kopijų: ${n}`,
    found: (n, what) => `${what}: ${n}`, moreThan: (n) => `daugiau nei ${n}`, articlesWord: "Straipsnių", eventsWord: "Įvykių", entitiesWord: "Subjektų",
    none: "Nieko nerasta.", range: (a, b, n) => `${a}–${b} iš ${n}`, previous: "Ankstesni", next: "Kiti", pages: "Puslapiai",
    entities: "Subjektai", times: "Laiko išraiškos", quantities: "Kiekiai", quotes: "Citatos", events: "Įvykiai",
    speaker: "Kalbėtojas", unknown: "nežinomas", mentions: "Paminėjimai", articles: "Straipsniai",
    byMonth: "Straipsniai pagal mėnesį", coMentioned: "Minimi kartu", latestEvents: "Naujausi įvykiai",
    allEventsWith: name => `Visi įvykiai, kuriuose dalyvauja ${name}`,
    actor: "Kas (veikėjas)", target: "Kam (adresatas)", either: "Bet kuri pusė", type: "Įvykio tipas", place: "Vieta",
    date: "Data", what: "Kas įvyko", whoWhom: "Kas → kam", where: "Kur", according: "Pagal ką", figures: "Skaičiai",
    reports: "Pranešimai", show: "Rodyti", allTypes: "Visi tipai", sort: "Rikiuoti", byEventDate: "pagal įvykio datą",
    byFirstReport: "pagal pirmą pranešimą", byEventDateDesc: "pagal įvykio datą, naujausi pirmiau",
    byFirstReportDesc: "pagal pirmą pranešimą, naujausi pirmiau", byRelevance: "pagal aktualumą", newestFirst: "naujausi pirmiau",
    oldestFirst: "seniausi pirmiau", byArticles: "pagal straipsnių skaičių", byMentions: "pagal paminėjimų skaičių",
    byName: "pagal pavadinimą", name: "Pavadinimas", wikidata: "Vikiduomenys",
    legend: "Spalvos", error: "Klaida", loading: "Įkeliama…",
    reportCount: (r, o) => `pranešimų: ${r}, šaltinių: ${o}`, allReports: n => `Rodyti visus pranešimus (${n})`,
    outletSays: "rašo", according2: "anot", conflict: "Nesutampa", reported: "pranešta",
    unknownName: (what, name) => `Saugykloje nėra subjekto „${name}“ (${what}).`,
    chronicleCaption: "Įvykiai pagal datą su šaltiniais ir skaičiais",
    entitiesCaption: "Subjektai", eventsCaption: "Naujausi įvykiai su šiuo subjektu",
    between: (a, b) => `tarp ${a} ir ${b}`, upTo: d => `iki ${d}`, fromDay: d => `nuo ${d}`,
    exportTitle: "Atsisiųsti šį vaizdą", exportCsv: "CSV", exportJsonl: "JSON eilutės", exportGdelt: "GDELT lentelė",
    watchTitle: "Stebėti", watchName: "Stebėjimo pavadinimas (mažosios raidės, skaitmenys, brūkšneliai)",
    saveWatch: "Išsaugoti kaip stebėjimą", feedAddress: "Atom srauto adresas", copy: "Kopijuoti adresą", copied: "Adresas nukopijuotas.",
    watchSaved: name => `Stebėjimas „${name}“ išsaugotas.`, watchNeeds: "Stebėjimui reikia žodžių arba subjekto.",
    volumeTitle: "Kiek rašyta per laiką", volumeBy: "Skaičiuoti", byPublished: "pagal publikavimo datą", byEvent: "pagal įvykio datą",
    mapTitle: "Įvykių vietos", panelTitle: "Reikšmė", close: "Uždaryti", entityPage: "Subjekto puslapis",
    normalized: "Reikšmė", valueOf: "Tekste", event: "Įvykis", participants: "Dalyviai", source: "Šaltinis",
    article: "Straipsnis", origin: "Šaltinis", inSentence: "Pažymėtas sakinys", typeWord: "Tipas",
    errors: {
      offline: "Serveris nepasiekiamas. Patikrinkite ryšį ir bandykite dar kartą.",
      tooLong: "Užklausa užtruko per ilgai. Susiaurinkite ją (mažiau žodžių, trumpesnis laikotarpis).",
      server: "Serverio klaida. Bandykite dar kartą vėliau.",
      notFound: "Tokio įrašo saugykloje nėra.", conflict: "Toks stebėjimo pavadinimas jau užimtas kitam stebėjimui.",
      tooMany: "Saugykloje per daug stebėjimų.", param: p => `Netinkama reikšmė laukelyje „${p}“.`,
      q: "Užklausa neperskaitoma: patikrinkite kabutes, skliaustus ir AND, OR, NOT.", date: "Datą rašykite taip: 2024-01-01 (arba metus: 2024).",
      name: "Pavadinimą sudaro 1–40 mažųjų raidžių (be lietuviškų), skaitmenų ir brūkšnelių.",
    },
  },
  en: {
    "nav.home": "Start", "nav.chronicle": "Chronicle", "nav.search": "Search", "nav.entities": "Entities", language: "Lietuviškai",
    languageName: "Language", footer: "Kronika: a chronicle of events from Lithuanian news. Every fact points back to the article's words.",
    skip: "Skip to content",
    homeTitle: "Who did what to whom, when, and who says so",
    homeLead: "Events from Lithuanian news: dates, sources and figures, each with the article's sentence.",
    questionTitle: "Ask the chronicle", sideA: "One side (e.g. Rusija)", sideB: "Other side (e.g. Šiaurės Korėja)",
    since: "Since (year or date, e.g. 2024)", ask: "Show the chronicle",
    searchTitle: "Search the articles", chronicleTitle: "Chronicle of events", entitiesTitle: "Entity index",
    query: "Words (e.g. Putinas, \"Šiaurės Korėja\", prezident*)", queryShort: "Words",
    from: "From", to: "To", entity: "Entity", entityType: "Entity type", anyType: "Any type", search: "Search",
    eventDates: "By the dates written about", copies: n => `copies: ${n}`,
    found: (n, what) => `${what}: ${n}`, moreThan: (n) => `more than ${n}`, articlesWord: "Articles", eventsWord: "Events", entitiesWord: "Entities",
    none: "Nothing found.", range: (a, b, n) => `${a}–${b} of ${n}`, previous: "Previous", next: "Next", pages: "Pages",
    entities: "Entities", times: "Time expressions", quantities: "Quantities", quotes: "Quotes", events: "Events",
    speaker: "Speaker", unknown: "unknown", mentions: "Mentions", articles: "Articles",
    byMonth: "Articles per month", coMentioned: "Mentioned with", latestEvents: "Latest events",
    allEventsWith: name => `Every event with ${name}`,
    actor: "Who (actor)", target: "To whom (target)", either: "Either side", type: "Event type", place: "Place",
    date: "Date", what: "What happened", whoWhom: "Who → whom", where: "Where", according: "According to", figures: "Figures",
    reports: "Reports", show: "Show", allTypes: "All types", sort: "Sort", byEventDate: "by event date",
    byFirstReport: "by first report", byEventDateDesc: "by event date, newest first",
    byFirstReportDesc: "by first report, newest first", byRelevance: "by relevance", newestFirst: "newest first",
    oldestFirst: "oldest first", byArticles: "by number of articles", byMentions: "by number of mentions",
    byName: "by name", name: "Name", wikidata: "Wikidata",
    legend: "Colours", error: "Error", loading: "Loading…",
    reportCount: (r, o) => `reports: ${r}, outlets: ${o}`, allReports: n => `Show every report (${n})`,
    outletSays: "writes", according2: "according to", conflict: "Disagree", reported: "reported",
    unknownName: (what, name) => `No entity "${name}" in the store (${what}).`,
    chronicleCaption: "Events by date with their sources and figures",
    entitiesCaption: "Entities", eventsCaption: "Latest events with this entity",
    between: (a, b) => `between ${a} and ${b}`, upTo: d => `by ${d}`, fromDay: d => `from ${d}`,
    exportTitle: "Download this view", exportCsv: "CSV", exportJsonl: "JSON lines", exportGdelt: "GDELT table",
    watchTitle: "Watch", watchName: "Watch name (lowercase letters, digits, dashes)",
    saveWatch: "Save as a watch", feedAddress: "Atom feed address", copy: "Copy address", copied: "Address copied.",
    watchSaved: name => `Watch "${name}" saved.`, watchNeeds: "A watch needs words or an entity.",
    volumeTitle: "How much was written over time", volumeBy: "Count", byPublished: "by publication date", byEvent: "by event date",
    mapTitle: "Where the events took place", panelTitle: "Value", close: "Close", entityPage: "Entity page",
    normalized: "Value", valueOf: "In the text", event: "Event", participants: "Participants", source: "Source",
    article: "Article", origin: "Source", inSentence: "Marked sentence", typeWord: "Type",
    errors: {
      offline: "The server cannot be reached. Check the connection and try again.",
      tooLong: "The request took too long. Narrow it (fewer words, a shorter period).",
      server: "Server error. Try again later.",
      notFound: "There is no such record in the store.", conflict: "That watch name is already taken by another watch.",
      tooMany: "The store holds too many watches.", param: p => `The field "${p}" has a value that does not fit.`,
      q: "The query cannot be read: check quotes, parentheses and AND, OR, NOT.", date: "Write dates as 2024-01-01 (or a year: 2024).",
      name: "A name is 1–40 lowercase Latin letters, digits and dashes.",
    },
  },
};
const eventTypes = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const entityTypes = ["PER", "ORG", "LOC", "MISC"];
const pageSize = 20;

let language = localStorage.getItem("kronika.language") === "en" ? "en" : "lt";
let labels = { lt: {}, en: {} };
const t = key => words[language][key];
const label = (table, code) => (code && labels[language][table] && labels[language][table][code]) || code || "";
const number = n => new Intl.NumberFormat(language === "lt" ? "lt-LT" : "en-GB", { maximumFractionDigits: 2 }).format(n);

/** An element with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}

/**
 * The charts' script (viz.js: KronikaViz) runs once the first view is drawn, so no view waits for it; `viz` gives
 * KronikaViz when it has come (null when the build has no charts), and the charts draw then.
 */
let vizArrived;
const viz = new Promise(resolve => { vizArrived = resolve; });
function loadViz() {
  if (document.querySelector("script[src='/viz.js']")) return;
  const script = el("script", { src: "/viz.js" });
  script.addEventListener("load", () => vizArrived(window.KronikaViz || null));
  script.addEventListener("error", () => vizArrived(null));
  document.head.append(script);
}

/** A failed API call, with what the page needs to say it in its own language. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.parameter = Object.keys(problem.errors || {})[0] || null;
  }
}

/** Navigation state: each view's fetches carry its signal, so moving on cancels them; a view writes only into its own element. */
let navigation = { controller: new AbortController(), id: 0 };

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) }, signal: navigation.controller.signal, ...options });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, {});
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** What went wrong, in the page's language. */
function errorMessage(error) {
  const e = t("errors");
  if (!(error instanceof ApiError)) return e.server;
  if (error.status === 0) return e.offline;
  if (error.status === 503) return e.tooLong;
  if (error.status === 404) return e.notFound;
  if (error.status === 409) return /many/i.test(error.message) ? e.tooMany : e.conflict;
  if (error.status === 400) {
    const p = error.parameter;
    if (p === "q" || p === "query") return e.q;
    if (p === "from" || p === "to") return e.date;
    if (p === "name") return e.name;
    return e.param(p || "?");
  }
  return e.server;
}

function announce(text) {
  const status = document.getElementById("status");
  status.textContent = "";
  // A fresh text node a moment later is announced even when the words are the same as before.
  setTimeout(() => { status.textContent = text; }, 50);
}

function translateChrome() {
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  document.getElementById("language").lang = language === "lt" ? "en" : "lt";
}

// ---- dates, times and values in words -------------------------------------------------------------------------

/** A calendar day in words: `2025 m. rugpjūčio 12 d.`, `12 August 2025`. */
function dayWords(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const l = labels[language];
  return language === "lt" ? `${y} m. ${l.monthsOf[m - 1]} ${d} d.` : `${d} ${l.monthsOf[m - 1]} ${y}`;
}

/** A TIMEX3 value in words (dates, weeks, months, seasons, parts of day, clock times, references, durations); unknown forms as written. */
function timexWords(value, type, mod) {
  if (!value) return "";
  const l = labels[language];
  const lt = language === "lt";
  let text = null, m;
  if (l.refs[value]) text = l.refs[value];
  else if ((m = /^P(T?)(\d+(?:\.\d+)?)([A-Z]+)$/.exec(value))) {
    const unit = m[1] ? (m[3] === "M" ? "TM" : m[3]) : m[3];
    text = `${number(Number(m[2]))} ${l.durationUnits[unit] || unit}`;
    if (type === "SET") text = lt ? `kas ${text}` : `every ${text}`;
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}|MO|AF|EV|NI|DT))?$/.exec(value))) {
    text = dayWords(`${m[1]}-${m[2]}-${m[3]}`);
    if (m[4]) text += `, ${l.partsOfDay[m[4]] || m[4]}`;
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(value))) text = lt ? `${m[1]} m. ${l.months[Number(m[2]) - 1]}` : `${l.months[Number(m[2]) - 1]} ${m[1]}`;
  else if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) text = lt ? `${m[1]} m. ${Number(m[2])} savaitė${m[3] ? " (savaitgalis)" : ""}` : `week ${Number(m[2])} of ${m[1]}${m[3] ? " (weekend)" : ""}`;
  else if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) text = lt ? `${m[1]} m. ${l.seasons[m[2]]}` : `${l.seasons[m[2]]} ${m[1]}`;
  else if ((m = /^(\d{4})-(Q[1-4])$/.exec(value))) text = lt ? `${m[1]} m. ${l.quarters[m[2]]}` : `${l.quarters[m[2]]} ${m[1]}`;
  else if ((m = /^(\d{4})-(H[12])$/.exec(value))) text = lt ? `${m[1]} m. ${l.halves[m[2]]}` : `${l.halves[m[2]]} of ${m[1]}`;
  else if ((m = /^(\d{4})$/.exec(value))) text = lt ? `${m[1]} m.` : m[1];
  else if ((m = /^(\d{3})X$/.exec(value))) text = lt ? `${m[1]}0-ieji` : `the ${m[1]}0s`;
  else if ((m = /^T(\d{2}:\d{2})$/.exec(value))) text = m[1];
  else text = value.replace(/_/g, " ").toLowerCase();
  return mod && l.timeMods[mod] ? `${l.timeMods[mod]} ${text}` : text;
}

/** A chronicle event's date: its calendar value in words, else the days it lies between. */
function chronicleWhen(e) {
  const calendar = e.date && /^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d)?$/.test(e.date);
  if (calendar && (e.from === e.to ? e.date === e.from : e.date.length < 10)) return timexWords(e.date, "DATE");
  if (e.from === e.to) return dayWords(e.from);
  if (e.date === "PAST_REF" || (!calendar && e.date !== "FUTURE_REF" && e.status !== "planned")) return t("upTo")(e.to);
  return t("between")(e.from, e.to);
}

function figureWords(f) {
  return `${f.approx ? label("approx", f.approx) + " " : ""}${number(f.value)}${f.unit ? " " + f.unit : ""}`;
}

function quantityWords(q) {
  const high = q.high !== undefined && q.high !== null ? `–${number(q.high)}` : "";
  return `${q.approx ? label("approx", q.approx) + " " : ""}${number(q.value)}${high}${q.unit ? " " + q.unit : ""}`;
}

function typeWords(type, mode) {
  return `${label("eventTypes", type)}${mode ? ` (${label("modes", mode)})` : ""}`;
}

// ---- shared pieces -----------------------------------------------------------------------------------------------

function hashWith(path, params, changes = {}) {
  const query = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) if (v === null || v === "" || v === undefined) query.delete(k); else query.set(k, v);
  const s = query.toString();
  return `#/${path}${s ? "?" + s : ""}`;
}

/** "21–40 of 313" with previous and next links that keep every filter. */
function pager(path, params, total, offset, shown) {
  if (!total) return null;
  const nav = el("nav", { class: "pager", "aria-label": t("pages") });
  if (offset > 0) nav.append(el("a", { href: hashWith(path, params, { offset: Math.max(0, offset - pageSize) || null }), rel: "prev" }, `← ${t("previous")}`));
  nav.append(el("span", { class: "range" }, t("range")(offset + 1, offset + shown, total)));
  if (offset + shown < total) nav.append(el("a", { href: hashWith(path, params, { offset: offset + pageSize }), rel: "next" }, `${t("next")} →`));
  return nav;
}

function countLine(total, what, capped) {
  const text = total ? t("found")(capped ? t("moreThan")(total) : total, what) : t("none");
  announce(text);
  return el("p", { class: "count" }, text);
}

/** A labelled field: `<label>` with its text and the control. */
function field(text, control) {
  control.id = control.id || `f-${control.name}`;
  return el("div", { class: "field" }, el("label", { for: control.id }, text), control);
}

function input(name, value, attributes = {}) {
  return el("input", { name, id: `f-${name}`, value: value || null, ...attributes });
}

function select(name, value, options) {
  const node = el("select", { name, id: `f-${name}` }, options.map(([v, text]) => el("option", { value: v }, text)));
  node.value = value || options[0][0];
  return node;
}

/** A form that, on submit, goes to path with its non-empty fields (and no offset: a new question starts at the first page). */
function filterForm(path, className, fields, submitText, transform = x => x) {
  const form = el("form", { class: `filters ${className}` }, fields, el("div", { class: "field submit" }, el("button", { type: "submit" }, submitText)));
  form.addEventListener("submit", event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const control of form.elements) if (control.name && control.value.trim()) query.set(control.name, control.value.trim());
    go(hashWith(path, transform(query)));
  });
  return form;
}

/** Download links for the current view, in each export format. */
function exportLinks(params) {
  return el("section", { class: "tools", "aria-labelledby": "export-title" },
    el("h2", { id: "export-title" }, t("exportTitle")),
    el("p", { class: "buttons" }, [["csv", t("exportCsv")], ["jsonl", t("exportJsonl")], ["gdelt", t("exportGdelt")]].map(([format, text]) => {
      const query = new URLSearchParams(params);
      query.set("format", format);
      return el("a", { class: "button", href: `/api/export?${query}`, download: `kronika.${format === "gdelt" ? "gdelt.tsv" : format}`, "data-format": format }, text);
    })));
}

/** Saves the view's query and entity as a watch and shows (and copies) its Atom feed address. */
function watchForm(query, entity) {
  const suggested = (query || entity || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "kronika";
  const name = input("watch", suggested, { pattern: "[a-z0-9][a-z0-9-]{0,39}", required: true, autocomplete: "off" });
  const result = el("div", { class: "watch-result", role: "status" });
  const form = el("form", { class: "watch" }, field(t("watchName"), name), el("div", { class: "field submit" }, el("button", { type: "submit" }, t("saveWatch"))));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    if (!query && !entity) { result.replaceChildren(el("p", { class: "error" }, t("watchNeeds"))); return; }
    try {
      const watch = await api("/api/watches", { method: "POST", body: JSON.stringify({ name: name.value, query: query || null, entity: entity || null }) });
      const address = new URL(watch.feed, location.href).href;
      const feed = el("input", { id: "feed-address", readonly: true, value: address, class: "feed" });
      const copy = el("button", { type: "button", class: "copy" }, t("copy"));
      const note = el("span", { class: "muted" });
      copy.addEventListener("click", async () => {
        try { await navigator.clipboard.writeText(address); } catch { feed.select(); document.execCommand("copy"); }
        note.textContent = t("copied");
      });
      result.replaceChildren(el("p", {}, t("watchSaved")(watch.name)), field(t("feedAddress"), feed), el("p", {}, copy, " ", note));
    } catch (error) {
      if (error.name !== "AbortError") result.replaceChildren(el("p", { class: "error" }, errorMessage(error)));
    }
  });
  return el("section", { class: "tools", "aria-labelledby": "watch-title" }, el("h2", { id: "watch-title" }, t("watchTitle")), form, result);
}

/** The volume chart's place (drawn by viz.js when it is there); its data from /api/volume, a missing endpoint left alone. */
function volumeFigure(params) {
  const figure = el("figure", { class: "kv-volume", hidden: true });
  const by = select("by", "published", [["published", t("byPublished")], ["event", t("byEvent")]]);
  by.id = `f-by-${Math.random().toString(36).slice(2, 8)}`;
  const canvas = el("div", { class: "kv-canvas" });
  figure.append(el("figcaption", {}, t("volumeTitle")), field(t("volumeBy"), by), canvas);
  const draw = async () => {
    const kronikaViz = await viz;
    if (!kronikaViz) return;
    const query = new URLSearchParams(params);
    query.set("by", by.value);
    try {
      const body = await api(`/api/volume?${query}`);
      const series = Array.isArray(body) ? body : body.series || [];
      figure.hidden = false;
      canvas.replaceChildren();
      kronikaViz.volume(canvas, series, { by: by.value, language });
    } catch { /* no volume endpoint (yet), or no data: the figure stays hidden */ }
  };
  by.addEventListener("change", draw);
  draw();
  return figure;
}

function mapFigure(params) {
  const figure = el("figure", { class: "kv-map", hidden: true });
  const canvas = el("div", { class: "kv-canvas" });
  figure.append(el("figcaption", {}, t("mapTitle")), canvas);
  viz.then(kronikaViz => kronikaViz && api(`/api/places?${new URLSearchParams(params)}`).then(body => {
    const places = Array.isArray(body) ? body : body.places || [];
    figure.hidden = false;
    kronikaViz.map(canvas, places, { language });
  })).catch(() => { /* no places endpoint (yet): the figure stays hidden */ });
  return figure;
}

function entityLink(name, key) {
  return el("a", { href: `#/entity/${encodeURIComponent(key || name)}` }, name);
}

// ---- routing --------------------------------------------------------------------------------------------------

let firstRoute = true;

function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function route() {
  navigation.controller.abort();
  navigation = { controller: new AbortController(), id: navigation.id + 1 };
  const [path, query] = location.hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  // Each navigation draws into its own element: a slow view that answers after the user moved on writes into a
  // detached element and is never seen.
  const view = el("div", { class: "view" });
  document.getElementById("view").replaceChildren(view);
  const parts = (path || "/").split("/").filter(Boolean).map(decodeURIComponent);
  const name = parts[0] || "";
  const show = name === "article" ? showArticle(view, parts[1], params)
    : name === "entity" ? showEntity(view, parts[1])
    : name === "entities" ? showEntities(view, params)
    : name === "chronicle" || name === "events" ? showChronicle(view, params)
    : name === "search" || params.has("q") || params.has("entity") ? showSearch(view, params)
    : showHome(view);
  // After navigation focus goes to the view's heading (drawn at once, or when the data has come), not on first load.
  const moveFocus = !firstRoute;
  const focusHeading = () => {
    const heading = view.querySelector("h1");
    if (!moveFocus || !heading || !view.isConnected || view.contains(document.activeElement)) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  };
  focusHeading();
  firstRoute = false;
  show.then(focusHeading).catch(error => {
    if (error.name === "AbortError" || !view.isConnected) return;
    const message = errorMessage(error);
    announce(message);
    view.append(el("p", { class: "error", role: "alert" }, message));
  }).finally(() => {
    view.setAttribute("aria-busy", "false");
    loadViz();
    // A view whose sections come after it is drawn (the entity page) says when the last has come.
    Promise.resolve(view.filling).finally(() => view.setAttribute("data-complete", "true"));
  });
  view.setAttribute("aria-busy", "true");
}

// ---- start page ---------------------------------------------------------------------------------------------------

function sinceDate(value) {
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

async function showHome(view) {
  const question = filterForm("chronicle", "question", [
    field(t("sideA"), input("actor", "", { autocomplete: "off" })),
    field(t("sideB"), input("target", "", { autocomplete: "off" })),
    field(t("since"), input("from", "", { inputmode: "numeric", autocomplete: "off" })),
  ], t("ask"), query => {
    if (query.has("from")) query.set("from", sinceDate(query.get("from")));
    // One side alone is every event that side takes part in.
    if (query.has("actor") !== query.has("target")) { query.set("either", query.get("actor") || query.get("target")); query.delete("actor"); query.delete("target"); }
    return query;
  });
  view.append(el("h1", {}, t("homeTitle")), el("p", { class: "lead" }, t("homeLead")),
    el("section", { "aria-labelledby": "question-title" }, el("h2", { id: "question-title" }, t("questionTitle")), question),
    el("section", { "aria-labelledby": "search-title" }, el("h2", { id: "search-title" }, t("searchTitle")),
      filterForm("search", "search", [field(t("query"), input("q", "", { type: "search" }))], t("search"))),
    el("p", {}, el("a", { href: "#/entities" }, t("entitiesTitle"))));
}

// ---- search -------------------------------------------------------------------------------------------------------

async function showSearch(view, params) {
  const offset = Number(params.get("offset")) || 0;
  const form = filterForm("search", "search", [
    field(t("query"), input("q", params.get("q"), { type: "search" })),
    field(t("entity"), input("entity", params.get("entity"))),
    field(t("from"), input("from", params.get("from"), { type: "date" })),
    field(t("to"), input("to", params.get("to"), { type: "date" })),
    field(t("entityType"), select("type", params.get("type"), [["", t("anyType")], ...entityTypes.map(x => [x, label("entityTypes", x)])])),
    field(t("eventDates"), select("event_dates", params.get("event_dates"), [["", t("byPublished")], ["true", t("byEvent")]])),
    field(t("sort"), select("sort", params.get("sort"), [["", t("byRelevance")], ["newest", t("newestFirst")], ["oldest", t("oldestFirst")]])),
  ], t("search"));
  form.setAttribute("role", "search");
  view.append(el("h1", {}, t("searchTitle")), form);
  const filters = new URLSearchParams(params);
  filters.delete("offset");
  if (![...filters.keys()].length) return;
  const page = await api(`/api/search?${filters}&limit=${pageSize}&offset=${offset}`);
  const results = el("section", { class: "results", "aria-labelledby": "results-title" },
    el("h2", { id: "results-title", class: "visually-hidden" }, t("articlesWord")),
    countLine(page.total, t("articlesWord")),
    pager("search", filters, page.total, offset, page.hits.length),
    el("ol", { class: "hits", start: offset + 1 }, page.hits.map(h => el("li", {},
      el("div", {}, el("span", { class: "muted" }, `${dayWords(h.date)} `), el("a", { class: "title", href: articleFromHit(h) }, h.title)),
      el("div", { class: "snippet" }, marked(h.snippet, h.highlights)),
      el("div", { class: "muted source" }, h.url || h.source, h.copies ? ` · ${t("copies")(h.copies)}` : "")))),
    pager("search", filters, page.total, offset, page.hits.length));
  const volume = new URLSearchParams();
  for (const k of ["q", "entity", "from", "to"]) if (filters.get(k)) volume.set(k, filters.get(k));
  const exportParams = new URLSearchParams(volume);
  if (filters.get("sort")) exportParams.set("sort", filters.get("sort"));
  view.append(results, volumeFigure(volume), exportLinks(exportParams), watchForm(filters.get("q"), filters.get("entity")));
}

/** A hit's article link carries the words the snippet matched, so the article marks every form of them. */
function articleFromHit(h) {
  const matched = [...new Set(h.highlights.map(([start, end]) => h.snippet.slice(start, end)))];
  return matched.length ? `#/article/${h.id}?w=${encodeURIComponent(matched.join("|"))}` : `#/article/${h.id}`;
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

// ---- chronology ---------------------------------------------------------------------------------------------------

const chronicleFilters = ["q", "actor", "target", "either", "type", "place", "from", "to", "order"];

async function showChronicle(view, params) {
  const offset = Number(params.get("offset")) || 0;
  const form = filterForm("chronicle", "chronicle", [
    field(t("queryShort"), input("q", params.get("q"), { type: "search" })),
    field(t("actor"), input("actor", params.get("actor"))),
    field(t("target"), input("target", params.get("target"))),
    field(t("either"), input("either", params.get("either"))),
    field(t("type"), select("type", params.get("type"), [["", t("allTypes")], ...eventTypes.map(x => [x, label("eventTypes", x)])])),
    field(t("place"), input("place", params.get("place"))),
    field(t("from"), input("from", params.get("from"), { type: "date" })),
    field(t("to"), input("to", params.get("to"), { type: "date" })),
    field(t("sort"), select("order", params.get("order"), [["", t("byEventDate")], ["event-desc", t("byEventDateDesc")],
      ["report", t("byFirstReport")], ["report-desc", t("byFirstReportDesc")]])),
  ], t("show"));
  view.append(el("h1", {}, t("chronicleTitle")), form);
  const filters = new URLSearchParams();
  for (const k of chronicleFilters) if (params.get(k)) filters.set(k, params.get(k));
  const page = await api(`/api/chronicle?${filters}&limit=${pageSize}&offset=${offset}&reports=3`);
  for (const what of page.unknown || []) view.append(el("p", { class: "error", role: "alert" }, t("unknownName")(t(what), params.get(what))));
  const results = el("section", { class: "results", "aria-labelledby": "results-title" },
    el("h2", { id: "results-title", class: "visually-hidden" }, t("eventsWord")),
    countLine(page.total, t("eventsWord"), page.capped),
    pager("chronicle", filters, page.total, offset, page.events.length),
    page.events.length ? chronicleTable(page.events, filters, offset) : null,
    pager("chronicle", filters, page.total, offset, page.events.length));
  // The charts count articles: the query and one entity (the either side, else the actor) stand for the view.
  const entity = filters.get("either") || filters.get("actor") || filters.get("target");
  const volume = new URLSearchParams();
  if (filters.get("q")) volume.set("q", filters.get("q"));
  if (entity) volume.set("entity", entity);
  const places = new URLSearchParams(filters);
  places.delete("order");
  const exportParams = new URLSearchParams(places);
  exportParams.set("source", "chronicle");
  if (filters.get("order")) exportParams.set("order", filters.get("order"));
  view.append(results, volumeFigure(volume), mapFigure(places), exportLinks(exportParams), watchForm(filters.get("q"), entity));
}

function chronicleTable(events, filters, offset) {
  const headers = [t("date"), t("what"), t("whoWhom"), t("where"), t("according"), t("figures"), t("reports")];
  return el("table", { class: "chronicle stack" },
    el("caption", {}, t("chronicleCaption")),
    el("thead", {}, el("tr", {}, headers.map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, events.map((e, i) => {
      const cells = [
        el("span", { class: "when" }, chronicleWhen(e)),
        [el("span", { class: "type" }, typeWords(e.type, e.mode)), el("div", { class: `status ${e.status === "disputed" || e.status === "denied" ? "warn" : ""}` }, label("status", e.status))],
        whoWhom(e.actors, e.targets),
        e.places.join(", "),
        e.sources.join(", "),
        figuresCell(e),
        reportsCell(e, filters, offset + i),
      ];
      return el("tr", { "data-event": e.id }, cells.map((c, k) => el("td", { "data-label": headers[k] }, c)));
    })));
}

function whoWhom(actors, targets) {
  if (!targets.length) return actors.join(", ");
  return `${actors.join(", ")} → ${targets.join(", ")}`;
}

function figuresCell(e) {
  const conflicted = new Set(e.conflicts.filter(c => c.kind === "figures").map(c => c.unit));
  const list = el("ul", { class: "figures" }, e.figures.map(f => el("li", { class: conflicted.has(f.unit) ? "conflict" : null },
    conflicted.has(f.unit) ? el("strong", { class: "badge" }, `${t("conflict")}: `) : null,
    figureWords(f), el("span", { class: "muted" }, ` (${f.source}, ${f.reported})`))));
  const modality = e.conflicts.filter(c => c.kind === "modality").map(c => el("div", { class: "conflict" },
    el("strong", { class: "badge" }, label("conflicts", "modality")), ": ",
    c.claims.map((x, i) => [i ? "; " : "", `${label("status", x.claim)} (${x.source}, ${x.reported})`])));
  return [e.figures.length ? list : null, modality];
}

function reportsCell(e, filters, index) {
  const list = el("ul", { class: "reports" }, e.reports.map(reportItem));
  const more = e.report_count > e.reports.length
    ? el("button", { type: "button", class: "more" }, t("allReports")(e.report_count)) : null;
  more?.addEventListener("click", async () => {
    // The same filters and this event's place in their order give this event again, with every report.
    try {
      const page = await api(`/api/chronicle?${filters}&limit=1&offset=${index}&reports=100`);
      const again = page.events.find(x => x.id === e.id);
      if (again) { list.replaceChildren(...again.reports.map(reportItem)); more.remove(); list.querySelector("a")?.focus(); }
    } catch (error) {
      if (error.name !== "AbortError") list.after(el("p", { class: "error" }, errorMessage(error)));
    }
  });
  return [el("div", { class: "muted" }, t("reportCount")(e.report_count, e.outlet_count)), list, more];
}

function reportItem(r) {
  const at = r.trigger_start - r.sentence_start;
  const sentence = r.sentence;
  const quote = at >= 0 && at < sentence.length
    ? [sentence.slice(0, at), el("mark", {}, sentence.slice(at, at + (r.trigger_end - r.trigger_start))), sentence.slice(at + (r.trigger_end - r.trigger_start))]
    : [sentence];
  return el("li", {},
    el("a", { href: `#/article/${r.article_id}?s=${r.sentence_start}&t=${r.trigger_start}` }, `${r.outlet}, ${r.article_date}`),
    " — ", el("span", { class: "modality" }, label("modality", r.modality)),
    r.attributed_to ? `; ${t("source").toLowerCase()}: ${r.attributed_to}` : "",
    el("q", { class: "sentence" }, quote));
}

// ---- article ------------------------------------------------------------------------------------------------------

/** The marks of an article: what each covers, its class, and what its panel says. */
function articleMarks(doc) {
  const marks = [];
  for (const e of doc.entities) marks.push({ start: e.start, end: e.end, cls: `ent ${e.type}`, focus: true, entity: e.id, detail: () => entityDetail(e) });
  for (const x of doc.times) marks.push({ start: x.start, end: x.end, cls: "time", focus: true, detail: () => [
    el("h3", {}, label("timeTypes", x.type)), el("p", {}, `${t("valueOf")}: „${x.text}“`), el("p", { class: "value" }, `${t("normalized")}: ${timexWords(x.value, x.type, x.mod)}`)] });
  for (const q of doc.quantities) marks.push({ start: q.start, end: q.end, cls: "qty", focus: true, detail: () => [
    el("h3", {}, t("quantities")), el("p", {}, `${t("valueOf")}: „${q.text}“`), el("p", { class: "value" }, `${t("normalized")}: ${quantityWords(q)}`)] });
  for (const q of doc.quotes) marks.push({ start: q.start, end: q.end, cls: "quote", focus: false });
  doc.events.forEach((e, i) => marks.push({ start: e.trigger.start, end: e.trigger.end, cls: "trigger", focus: true, event: i, detail: () => eventDetail(doc, e) }));
  return marks;
}

function entityDetail(e) {
  return [el("h3", {}, e.canonical), el("p", { class: "value" }, `${t("typeWord")}: ${label("entityTypes", e.type)}`),
    el("p", {}, entityLink(t("entityPage"), e.kb || e.canonical), e.kb ? [" · ", el("a", { href: `https://www.wikidata.org/wiki/${e.kb}`, rel: "noreferrer" }, `${t("wikidata")} ${e.kb}`)] : null)];
}

function eventDetail(doc, e) {
  const names = list => list.map(a => a.canonical);
  return [el("h3", {}, typeWords(e.type, e.mode)),
    el("dl", {},
      el("dt", {}, t("whoWhom")), el("dd", {}, whoWhom(names(e.actors), names(e.targets)) || "—"),
      el("dt", {}, t("date")), el("dd", {}, e.date ? timexWords(e.date, "DATE", e.dateMod) : "—"),
      el("dt", {}, t("where")), el("dd", {}, e.location ? e.location.canonical : "—"),
      el("dt", {}, t("according")), el("dd", {}, e.source && e.source.name ? e.source.name : doc.source),
      el("dt", {}, t("what")), el("dd", {}, label("modality", e.modality)),
      e.quantities && e.quantities.length ? [el("dt", {}, t("figures")), el("dd", {}, e.quantities.map(quantityWords).join("; "))] : null),
    el("p", {}, el("a", { href: hashWith("chronicle", new URLSearchParams(), { either: e.actors[0]?.kb || e.actors[0]?.canonical, type: e.type }) }, t("chronicleTitle")))];
}

/** The article's text with every annotation as a span; overlapping annotations nest by splitting at every boundary. */
function annotatedText(doc, marks, sentence, event, openPanel) {
  const cuts = new Set([0, doc.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  for (const p of doc.paragraphs) { cuts.add(p.start); cuts.add(p.end); }
  if (sentence) { cuts.add(sentence.start); cuts.add(sentence.end); }
  const participants = new Set(event ? [...event.actors, ...event.targets].map(a => a.id) : []);
  const points = [...cuts].sort((a, b) => a - b);
  return doc.paragraphs.map(p => el("p", {}, points.filter(x => x >= p.start && x < p.end).map(start => {
    const end = Math.min(p.end, points[points.indexOf(start) + 1]);
    const covering = marks.filter(m => m.start <= start && end <= m.end);
    const text = doc.text.slice(start, end);
    const here = sentence && sentence.start <= start && end <= sentence.end;
    if (!covering.length && !here) return text;
    const classes = covering.map(m => m.cls);
    if (here) classes.push("here");
    if (here && event && covering.some(m => m.event !== undefined && doc.events[m.event] === event)) classes.push("current");
    if (here && covering.some(m => m.entity !== undefined && participants.has(m.entity))) classes.push("participant");
    const focusable = covering.filter(m => m.focus);
    const span = el("span", { class: classes.join(" ") }, text);
    if (focusable.length) {
      span.setAttribute("tabindex", "0");
      span.setAttribute("role", "button");
      span.classList.add("mark");
      span.addEventListener("click", () => openPanel(focusable, span));
      span.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openPanel(focusable, span); } });
    }
    return span;
  })));
}

async function showArticle(view, id, params) {
  // Tokens (the heaviest layer) only when the search's words are to be marked through their lemmas.
  const doc = await api(`/api/articles/${encodeURIComponent(id)}${params.get("w") ? "?layers=all" : ""}`);
  const marks = articleMarks(doc);
  // The search's words: the tokens written as the snippet's matches, and every other form of their lemmas.
  if (params.get("w")) {
    const forms = new Set(params.get("w").split("|").flatMap(w => w.toLowerCase().split(/\s+/)));
    const lemmas = new Set(doc.tokens.filter(x => forms.has(x.text.toLowerCase()) && x.lemma).map(x => x.lemma));
    for (const x of doc.tokens) if (forms.has(x.text.toLowerCase()) || (x.lemma && lemmas.has(x.lemma) && x.kind === "word"))
      marks.push({ start: x.start, end: x.end, cls: "hit", focus: false });
  }
  const s = params.has("s") ? Number(params.get("s")) : null;
  const triggerAt = params.has("t") ? Number(params.get("t")) : null;
  // An event by its index, by its trigger's offset in the article, or (the events API gives offsets in the sentence) by
  // its trigger's offset in its sentence and its type.
  const inSentence = params.has("rt") ? Number(params.get("rt")) : null;
  const event = params.has("ev") ? doc.events[Number(params.get("ev"))]
    : triggerAt !== null ? doc.events.find(e => e.trigger.start === triggerAt)
    : inSentence !== null ? doc.events.find(e => e.type === params.get("type") && e.trigger.start - doc.sentences[e.sentence].start === inSentence)
    : null;
  const sentence = s !== null ? doc.sentences.find(x => x.start <= s && s < x.end) : event ? doc.sentences[event.sentence] : null;

  const panel = el("section", { class: "panel", id: "panel", "aria-labelledby": "panel-title", hidden: true, tabindex: "-1" });
  let opener = null;
  const closePanel = () => { panel.hidden = true; opener?.focus(); };
  const openPanel = (covering, from) => {
    opener = from;
    panel.replaceChildren(el("h2", { id: "panel-title" }, t("panelTitle")), ...covering.map(m => el("div", { class: "detail" }, m.detail())),
      el("button", { type: "button", class: "close", onclick: closePanel }, t("close")));
    panel.hidden = false;
    panel.focus();
  };
  panel.addEventListener("keydown", ev => { if (ev.key === "Escape") closePanel(); });

  const entities = [...new Map(doc.entities.map(e => [e.id, e])).values()];
  const side = el("aside", { "aria-label": t("entities") }, panel,
    el("h2", {}, t("entities")), el("ul", {}, entities.map(e => el("li", {}, entityLink(e.canonical, e.kb || e.canonical), ` (${label("entityTypes", e.type)})`))),
    el("h2", {}, t("times")), el("ul", {}, doc.times.map(x => el("li", {}, `${x.text} → ${timexWords(x.value, x.type, x.mod)}`))),
    el("h2", {}, t("quantities")), el("ul", {}, doc.quantities.map(q => el("li", {}, `${q.text} → ${quantityWords(q)}`))),
    el("h2", {}, t("quotes")), el("ul", {}, doc.quotes.map(q => el("li", {}, `„${q.text}“ — ${q.speakerName || t("unknown")}`))),
    el("h2", {}, t("events")), el("ul", { class: "event-list" }, doc.events.map((e, i) => el("li", {},
      el("a", { href: `#/article/${encodeURIComponent(id)}?ev=${i}` }, typeWords(e.type, e.mode)), `: ${whoWhom(e.actors.map(a => a.canonical), e.targets.map(a => a.canonical))} `,
      el("span", { class: "muted" }, `${e.date ? timexWords(e.date, "DATE", e.dateMod) : ""} · ${label("modality", e.modality)}${e.source && e.source.name ? " · " + e.source.name : ""}`)))));
  const title = doc.title || doc.text.slice(doc.sentences[0]?.start || 0, doc.sentences[0]?.end || 80);
  view.append(el("h1", { class: "article-title" }, title),
    el("p", { class: "muted" }, `${doc.date ? dayWords(doc.date) : ""} · `, doc.url ? el("a", { href: doc.url, rel: "noreferrer" }, doc.url) : doc.source),
    el("p", { class: "legend muted" }, `${t("legend")}: `, el("span", { class: "ent PER" }, t("entities")), el("span", { class: "time" }, t("times")),
      el("span", { class: "qty" }, t("quantities")), el("span", { class: "quote" }, t("quotes")), el("span", { class: "trigger" }, t("events"))),
    el("div", { class: "article" }, el("div", { class: "text" }, annotatedText(doc, marks, sentence, event, openPanel)), side));
  const here = view.querySelector(".here") || view.querySelector(".hit");
  if (here) requestAnimationFrame(() => here.scrollIntoView({ block: "center" }));
}

// ---- entity page and index ----------------------------------------------------------------------------------------

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

/** Bars of articles per month, drawn as SVG: the page's own chart when viz.js is not there. */
function chart(periods) {
  const width = 640, height = 160, bar = Math.min(24, Math.max(2, Math.floor((width - 40) / Math.max(1, periods.length)) - 2));
  const top = Math.max(1, ...periods.map(p => p.articles));
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 30}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${t("byMonth")}: ${periods.map(p => `${p.period} ${p.articles}`).join(", ")}`);
  const text = (x, y, value, anchor = "start") => {
    const node = document.createElementNS(ns, "text");
    node.setAttribute("x", x); node.setAttribute("y", y); node.setAttribute("text-anchor", anchor);
    node.textContent = value;
    svg.append(node);
  };
  text(28, 10, String(top), "end");
  text(28, height, "0", "end");
  periods.forEach((p, i) => {
    const h = Math.round((p.articles / top) * (height - 10));
    const rect = document.createElementNS(ns, "rect");
    for (const [k, v] of Object.entries({ x: 32 + i * (bar + 2), y: height - h, width: bar, height: h })) rect.setAttribute(k, v);
    const title = document.createElementNS(ns, "title");
    title.textContent = `${p.period}: ${p.articles}`;
    rect.append(title);
    svg.append(rect);
    if (i === 0 || i === periods.length - 1) text(32 + i * (bar + 2), height + 15, p.period);
  });
  return svg;
}

async function showEntity(view, name) {
  // The header and the chart first (counts kept at write time); each other section by a request of its own, drawn
  // when it comes. The view is marked drawn (aria-busy=false) with the header, complete (data-complete) with the last.
  const page = await api(`/api/entities/${encodeURIComponent(name)}?period=month&parts=`);
  const e = page.entity;
  const key = e.kb || e.canonical;
  const volume = new URLSearchParams({ entity: key });
  // The page's own chart until (unless) viz.js has come with its volume chart.
  const fallback = window.KronikaViz ? null : el("figure", { class: "fallback" }, el("figcaption", {}, t("byMonth")), chart(everyMonth(page.by_publication)));
  if (fallback) viz.then(kronikaViz => { if (kronikaViz) fallback.remove(); });
  // The sections are asked for once the header is painted (a frame later; at most 100 ms, as in a hidden tab, which
  // paints no frames), with this view's signal.
  const signal = navigation.controller.signal;
  const painted = new Promise(resolve => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 100); });
  const part = (id, title, partName, draw) => {
    const body = el("p", { class: "muted" }, t("loading"));
    const section = el("section", { class: `part ${id}`, "aria-labelledby": id, "aria-busy": "true" }, el("h2", { id }, title), body);
    const filled = painted.then(() => api(`/api/entities/${encodeURIComponent(e.key)}?period=month&parts=${partName}`, { signal }))
      .then(answer => body.replaceWith(draw(answer[partName])))
      .catch(error => { if (error.name !== "AbortError") body.replaceWith(el("p", { class: "error" }, errorMessage(error))); })
      .finally(() => section.setAttribute("aria-busy", "false"));
    return { section, filled };
  };
  const parts = [
    part("co-title", t("coMentioned"), "co_mentioned", list => list.length ? el("ul", {}, list.map(c =>
      el("li", {}, entityLink(c.entity.canonical, c.entity.kb || c.entity.canonical), ` (${c.articles})`))) : el("p", {}, t("none"))),
    part("events-title", t("latestEvents"), "events", events => events.length ? eventsTable(events) : el("p", {}, t("none"))),
    part("quotes-title", t("quotes"), "quotes", quotes => quotes.length ? el("ul", { class: "quotes" }, quotes.map(q =>
      el("li", {}, `„${q.text}“ `, el("a", { href: `#/article/${q.article_id}` }, dayWords(q.date))))) : el("p", {}, t("none"))),
  ];
  view.append(...[el("h1", {}, e.canonical),
    el("p", { class: "muted" }, `${label("entityTypes", e.type)} · ${t("mentions")}: ${e.mentions} · ${t("articles")}: ${e.articles}`,
      e.kb ? el("span", {}, " · ", el("a", { href: `https://www.wikidata.org/wiki/${e.kb}`, rel: "noreferrer" }, e.kb)) : null),
    el("p", {}, el("a", { class: "button", href: hashWith("chronicle", new URLSearchParams(), { either: key }) }, t("allEventsWith")(e.canonical))),
    volumeFigure(volume),
    fallback,
    ...parts.map(p => p.section),
    exportLinks(new URLSearchParams({ entity: key })), watchForm(null, key)].filter(Boolean));
  view.filling = Promise.all(parts.map(p => p.filled));
}

function eventsTable(events) {
  const headers = [t("date"), t("what"), t("whoWhom"), t("reports")];
  return el("table", { class: "events stack" }, el("caption", {}, t("eventsCaption")),
    el("thead", {}, el("tr", {}, headers.map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, events.map(e => el("tr", {}, [
      e.date ? timexWords(e.date, "DATE") : "",
      typeWords(e.type, e.mode),
      whoWhom(e.actors, e.targets),
      e.mentions.map(m => el("div", {}, el("a", { href: `#/article/${m.article_id}?rt=${m.trigger_start}&type=${e.type}` }, dayWords(m.article_date)),
        el("q", { class: "sentence" }, m.sentence.slice(0, m.trigger_start), el("mark", {}, m.sentence.slice(m.trigger_start, m.trigger_end)), m.sentence.slice(m.trigger_end)))),
    ].map((c, k) => el("td", { "data-label": headers[k] }, c))))));
}

async function showEntities(view, params) {
  const offset = Number(params.get("offset")) || 0;
  const form = filterForm("entities", "entities", [
    field(t("name"), input("q", params.get("q"), { type: "search" })),
    field(t("entityType"), select("type", params.get("type"), [["", t("anyType")], ...entityTypes.map(x => [x, label("entityTypes", x)])])),
    field(t("sort"), select("sort", params.get("sort"), [["", t("byArticles")], ["mentions", t("byMentions")], ["name", t("byName")]])),
  ], t("show"));
  view.append(el("h1", {}, t("entitiesTitle")), form);
  const filters = new URLSearchParams();
  for (const k of ["q", "type", "sort"]) if (params.get(k)) filters.set(k, params.get(k));
  const page = await api(`/api/entity-index?${filters}&limit=${pageSize}&offset=${offset}`);
  const headers = [t("name"), t("entityType"), t("wikidata"), t("articles"), t("mentions")];
  view.append(el("section", { class: "results", "aria-labelledby": "results-title" },
    el("h2", { id: "results-title", class: "visually-hidden" }, t("entitiesWord")),
    countLine(page.total, t("entitiesWord")),
    pager("entities", filters, page.total, offset, page.entities.length),
    page.entities.length ? el("table", { class: "entities stack" }, el("caption", {}, t("entitiesCaption")),
      el("thead", {}, el("tr", {}, headers.map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, page.entities.map(e => el("tr", {}, [
        entityLink(e.canonical, e.kb || e.canonical), label("entityTypes", e.type), e.kb || "—", number(e.articles), number(e.mentions),
      ].map((c, k) => el("td", { "data-label": headers[k] }, c)))))) : null,
    pager("entities", filters, page.total, offset, page.entities.length)));
}

// ---- start -------------------------------------------------------------------------------------------------------

document.getElementById("language").addEventListener("click", () => {
  language = language === "lt" ? "en" : "lt";
  localStorage.setItem("kronika.language", language);
  translateChrome();
  route();
});
window.addEventListener("hashchange", route);
// The skip link moves focus to the view; the address (the view's route) stays as it is.
document.querySelector(".skip").addEventListener("click", event => {
  event.preventDefault();
  const target = document.querySelector("#view h1") || document.getElementById("view");
  target.setAttribute("tabindex", "-1");
  target.focus();
});
fetch("/labels.json").then(r => r.json()).then(data => { labels = data; }).catch(() => { /* codes shown as they are */ }).finally(() => {
  translateChrome();
  route();
});
