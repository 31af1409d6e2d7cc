// The offline map: event places (coordinates from the bundled gazetteer) as markers on a
// vendored Natural Earth outline (no tile server), for the actors in the chart or all,
// with a slider over the years; a place lists its events and actors.
import { api } from "./api.js";
import { clear, docLink, el, eventChip, when } from "./dom.js";
import { addToChart, visibleEntityIds } from "./graph.js";

const SVG = "http://www.w3.org/2000/svg";
let outline = null;

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  children.forEach((child) => node.append(child));
  return node;
}

const yearOf = (date) => Number(String(date || "").slice(0, 4)) || null;

async function world() {
  if (!outline) outline = (await (await fetch("/static/vendor/world-outline.json")).json()).paths;
  return outline;
}

function placeCard(box, place, shown) {
  const actors = Object.entries(place.actors);
  clear(box, el("h2", {}, place.name),
    el("p", { class: "hint" }, `${shown.length} event${shown.length === 1 ? "" : "s"} in the period`),
    el("ul", { class: "map-events" }, shown.map((e) => el("li", {}, el("span", { class: "date" }, when(e.date)), " ",
      eventChip(e.type), el("blockquote", {}, e.evidence), docLink(e)))),
    el("h3", {}, "Actors"),
    el("div", { class: "map-actors" }, actors.map(([id, name]) => el("button", { type: "button", class: "link actor",
      title: "add to the chart", onclick: () => addToChart(id) }, name))));
}

function draw(map, box, places, from, to) {
  const inPeriod = (e) => { const y = yearOf(e.date); return y === null || (y >= from && y <= to); };
  const markers = svg("g", { class: "markers" });
  let count = 0;
  for (const place of places) {
    const shown = place.events.filter(inPeriod);
    if (!shown.length) continue;
    count += shown.length;
    const dot = svg("circle", { cx: place.lon, cy: -place.lat, r: 1 + Math.sqrt(shown.length), class: "place-mark",
      "data-id": place.id }, svg("title", {}, `${place.name}: ${shown.length} event${shown.length === 1 ? "" : "s"}`));
    dot.addEventListener("click", () => placeCard(box, place, shown));
    markers.append(dot);
  }
  map.querySelector(".markers")?.remove();
  map.append(markers);
  return count;
}

export async function showMap(view, params) {
  const chart = visibleEntityIds();
  const scope = params.get("scope") || (chart.length ? "chart" : "all");
  const query = new URLSearchParams();
  if (scope === "chart") chart.forEach((id) => query.append("entity", id));
  const summary = el("p", { class: "hint" }, "loading…");
  const map = svg("svg", { viewBox: "-180 -90 360 180", class: "world", role: "img", "aria-label": "event places" });
  const card = el("aside", { class: "map-card" }, el("p", { class: "hint" }, "Click a place for its events and actors."));
  const from = el("input", { type: "range", id: "m-from", "aria-label": "from year" });
  const to = el("input", { type: "range", id: "m-to", "aria-label": "to year" });
  const period = el("span", { class: "period-label" });
  const scopeButton = (name, text) => el("button", { type: "button", class: scope === name ? "on" : "",
    onclick: () => { location.hash = `#/map?scope=${name}`; } }, text);
  clear(view, el("div", { class: "page wide" },
    el("div", { class: "timeline-head" }, el("h1", {}, "Map"),
      el("div", { class: "scope" }, scopeButton("chart", `actors in the chart (${chart.length})`), scopeButton("all", "all events")),
      el("div", { class: "period" }, el("label", {}, "from ", from), el("label", {}, "to ", to), period)),
    summary, el("div", { class: "map-layout" }, map, card)));
  const [paths, found] = await Promise.all([world(), api.map(query)]);
  map.prepend(svg("g", { class: "land" }, ...paths.map((d) => svg("path", { d }))));
  const years = found.places.flatMap((p) => p.events.map((e) => yearOf(e.date))).filter(Boolean);
  const low = years.length ? Math.min(...years) : 2000;
  const high = years.length ? Math.max(...years) : 2000;
  for (const input of [from, to]) Object.assign(input, { min: low, max: high, step: 1 });
  from.value = params.get("from") || low;
  to.value = params.get("to") || high;
  const redraw = () => {
    const a = Math.min(Number(from.value), Number(to.value));
    const b = Math.max(Number(from.value), Number(to.value));
    period.textContent = `${a}–${b}`;
    const shown = draw(map, card, found.places, a, b);
    summary.textContent = `${shown} of ${found.total} events on the map`
      + (found.unplaced ? ` (${found.unplaced} without a place the gazetteer knows)` : "");
  };
  from.addEventListener("input", redraw);
  to.addEventListener("input", redraw);
  redraw();
}
