// The single-page app: routes (#/, #/chart, #/timeline, #/documents, #/doc/ID, #/review,
// #/analysis, #/report),
// the start page, and the search box in the top bar.
import { showAnalysis } from "./analysis.js";
import { api } from "./api.js";
import { loadCatalogue } from "./catalogue.js";
import { $, clear, el, label, typeChip } from "./dom.js";
import { showDocument, showDocuments } from "./document.js";
import { addToChart, chartHash, chartParams, showChart } from "./graph.js";
import { showMap } from "./map.js";
import { showReport } from "./report.js";
import { showReview } from "./review.js";
import { searchBox } from "./search.js";
import { showTimeline } from "./timeline.js";

const VIEWS = ["home", "chart", "timeline", "map", "documents", "document", "review", "analysis", "report"];

function showView(name) {
  for (const view of VIEWS) $(`#view-${view}`).hidden = view !== name;
  document.body.dataset.view = name;
  const tab = name === "document" ? "documents" : name;
  document.querySelectorAll(".tabs a[data-view]").forEach((a) => a.classList.toggle("on", a.dataset.view === tab));
  $(".tabs a[data-view=chart]").href = chartHash(chartParams());
}

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  await loadCatalogue();
  if (path === "/chart") { showView("chart"); await showChart(params); }
  else if (path === "/timeline") { showView("timeline"); await showTimeline($("#view-timeline"), params); }
  else if (path === "/map") { showView("map"); await showMap($("#view-map"), params); }
  else if (path === "/documents") { showView("documents"); await showDocuments($("#view-documents"), params); }
  else if (path.startsWith("/doc/")) {
    showView("document");
    await showDocument($("#view-document"), decodeURIComponent(path.slice(5)), params);
  } else if (path === "/review") { showView("review"); await showReview($("#view-review")); }
  else if (path === "/analysis") { showView("analysis"); await showAnalysis($("#view-analysis"), params); }
  else if (path === "/report") { showView("report"); await showReport($("#view-report"), params); }
  else { showView("home"); await showHome(); }
  $(".tabs a[data-view=chart]").href = chartHash(chartParams());
  document.body.dataset.ready = "true";
}

let homeLoaded = false;

function actorList(list, actors, count) {
  clear(list, actors.map((a) => el("li", {},
    el("a", { href: "#", onclick: (event) => { event.preventDefault(); addToChart(a.id); } }, a.name),
    " ", typeChip(a.type), el("span", { class: "count" }, count(a)))));
}

function bars(title, counts, chip) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const top = Math.max(1, ...entries.map(([, n]) => n));
  return el("div", { class: "bars" }, el("h3", {}, title), entries.map(([key, n]) => el("div", { class: "bar" },
    el("span", { class: "bar-label" }, chip ? chip(key) : label(key)),
    el("span", { class: "bar-track" }, el("i", { class: `bar-fill ${chip ? `fill-${key}` : ""}`, "data-width": Math.round((100 * n) / top) })),
    el("span", { class: "count" }, String(n)))));
}

async function showHome() {
  if (homeLoaded) return;
  const { stats, most_connected: connected, most_reported: reported } = await api.overview(12);
  const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
  $("#home-counts").textContent = `${stats.documents} articles · ${sum(stats.entities)} actors and places · `
    + `${sum(stats.relations)} relations · ${sum(stats.events)} events · ${stats.attributions} attributed statements`;
  actorList($("#home-connected"), connected, (a) => `${a.degree} ties`);
  actorList($("#home-reported"), reported, (a) => `${a.documents} articles`);
  clear($("#home-holdings"), bars("Actors by type", stats.entities, typeChip), bars("Relations", stats.relations),
    bars("Events (PLOVER)", stats.events));
  // Bar widths go through the CSS object model (no inline style attributes: see the CSP).
  document.querySelectorAll("#home-holdings .bar-fill").forEach((bar) => { bar.style.width = `${bar.dataset.width}%`; });
  const select = $("#home-type");
  Object.keys(stats.entities).forEach((type) => select.append(el("option", { value: type }, label(type))));
  homeLoaded = true;
}

function start() {
  searchBox($("#search"), $("#search-results"), (entity) => addToChart(entity.id));
  searchBox($("#home-search"), $("#home-results"), (entity) => addToChart(entity.id), $("#home-type"));
  window.addEventListener("hashchange", route);
  window.addEventListener("linkchart:changed", () => { homeLoaded = false; });
  route();
}

start();
