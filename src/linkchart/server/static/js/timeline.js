// The timeline: PLOVER events (type, actors, recipients, place, casualties) in date order,
// on a time strip and in a table, each with its quote and source.
import { api } from "./api.js";
import { axisRange } from "./axis.js";
import { clear, docLink, el, EVENT_GROUPS, eventChip, saidBy, when } from "./dom.js";
import { addToChart, visibleEntityIds } from "./graph.js";
import { searchBox } from "./search.js";

const SVG = "http://www.w3.org/2000/svg";
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function year(date) {
  const [y, m = 1, d = 1] = String(date).split("-").map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

function go(params) {
  location.hash = `#/timeline${params.toString() ? "?" + params : ""}`;
}

export async function showTimeline(view, params) {
  const asked = params.getAll("entity");
  const chart = visibleEntityIds();
  const scope = asked.length ? "entity" : params.get("scope") || (chart.length ? "chart" : "all");
  const query = new URLSearchParams();
  (scope === "entity" ? asked : scope === "chart" ? chart : []).forEach((id) => query.append("entity", id));
  for (const key of ["event_type", "date_from", "date_to"]) params.getAll(key).forEach((v) => query.append(key, v));
  query.set("limit", "2000");
  const types = params.getAll("event_type");

  const from = el("input", { id: "t-date-from", value: params.get("date_from") || "", placeholder: "YYYY[-MM[-DD]]", size: 11 });
  const to = el("input", { id: "t-date-to", value: params.get("date_to") || "", placeholder: "YYYY[-MM[-DD]]", size: 11 });
  const applyDates = () => {
    const next = new URLSearchParams(params);
    for (const [key, input] of [["date_from", from], ["date_to", to]]) {
      const value = input.value.trim();
      input.classList.toggle("invalid", Boolean(value) && !DATE.test(value));
      if (input.classList.contains("invalid")) return;
      next.delete(key);
      if (value) next.set(key, value);
    }
    go(next);
  };
  const scopeButton = (name, text) => el("button", { type: "button", class: scope === name ? "on" : "",
    onclick: () => { const next = new URLSearchParams(params); next.delete("entity"); next.set("scope", name); go(next); } }, text);
  const chips = Object.keys(EVENT_GROUPS).map((type) => el("button", {
    type: "button", class: `chip plover ${EVENT_GROUPS[type]} ${types.length && !types.includes(type) ? "off" : ""}`,
    onclick: () => {
      const next = new URLSearchParams(params);
      const chosen = new Set(next.getAll("event_type"));
      if (chosen.has(type)) chosen.delete(type); else chosen.add(type);
      next.delete("event_type");
      chosen.forEach((t) => next.append("event_type", t));
      go(next);
    } }, type));

  // Filter by actor: the chosen ones are the timeline's `entity` parameters.
  const actorInput = el("input", { type: "search", id: "t-actor", placeholder: "Filter by actor…",
    "aria-label": "Filter by actor", autocomplete: "off" });
  const actorList = el("ul", { class: "dropdown", role: "listbox", hidden: true });
  searchBox(actorInput, actorList, (entity) => {
    const next = new URLSearchParams(params);
    next.delete("scope");
    if (!next.getAll("entity").includes(entity.id)) next.append("entity", entity.id);
    go(next);
  });
  const strip = el("div", { class: "strip" });
  const body = el("tbody");
  const summary = el("p", { class: "hint" }, "loading…");
  clear(view, el("div", { class: "page wide" },
    el("div", { class: "timeline-head" }, el("h1", {}, "Timeline"),
      el("div", { class: "scope" }, scopeButton("chart", `actors in the chart (${chart.length})`),
        scopeButton("all", "all events"),
        scope === "entity" ? el("button", { type: "button", class: "on" }, `${asked.length} chosen actor${asked.length === 1 ? "" : "s"}`) : null),
      el("div", { class: "search actor-filter" }, actorInput, actorList),
      el("div", { class: "period" }, el("label", {}, "from ", from), el("label", {}, "to ", to),
        el("button", { type: "button", id: "t-date-apply", onclick: applyDates }, "Apply"))),
    el("div", { class: "chips" }, chips), summary, strip,
    el("table", { class: "grid events-table" },
      el("thead", {}, el("tr", {}, ["date", "event", "actors", "recipients", "place", "killed / injured", "evidence"].map((h) => el("th", {}, h)))),
      body)));
  [from, to].forEach((input) => input.addEventListener("keydown", (e) => { if (e.key === "Enter") applyDates(); }));

  if (scope === "chart" && !chart.length) {
    summary.textContent = "The chart is empty: add actors to it, or look at all events.";
    return;
  }
  let found;
  try {
    found = await api.events(query);
  } catch (error) {
    summary.textContent = `could not load events: ${error.message}`;
    return;
  }
  const events = found.events;
  summary.textContent = `${found.total} event${found.total === 1 ? "" : "s"}`
    + (found.total > events.length ? ` (first ${events.length} shown)` : "");
  const full = params.get("axis") === "full";
  const axisButton = el("button", { type: "button", id: "t-axis", onclick: () => {
    const next = new URLSearchParams(params);
    if (full) next.delete("axis"); else next.set("axis", "full");
    go(next);
  } }, full ? "Leave out outliers" : "Full range");
  strip.before(axisButton);
  drawStrip(strip, events, full);
  events.forEach((event) => body.append(row(event)));
}

function people(event, ids) {
  if (!ids.length) return "—";
  return ids.map((id) => el("button", { type: "button", class: "link actor", title: "add to the chart",
    onclick: () => addToChart(id) }, event.names[id] || id));
}

function row(event) {
  const counts = [event.fatalities ?? "", event.injured ?? ""].join(" / ");
  return el("tr", { id: `ev-${event.id}`, class: EVENT_GROUPS[event.type] },
    el("td", { class: "date" }, when(event.date || event.published),
      event.date_text ? el("div", { class: "hint" }, `“${event.date_text}”`) : null),
    el("td", {}, eventChip(event.type), event.mode ? el("div", { class: "hint" }, event.mode) : null),
    el("td", {}, people(event, event.actors)),
    el("td", {}, people(event, event.recipients)),
    el("td", {}, event.location ? people(event, [event.location]) : "—"),
    el("td", { class: "num" }, counts === " / " ? "—" : counts),
    el("td", { class: "quote" }, el("blockquote", {}, event.evidence),
      el("div", { class: "meta" }, `${event.outlet || "unknown outlet"} · ${when(event.published)} · `,
        saidBy(event.attribution), " · ", docLink(event))));
}

function drawStrip(box, events, full) {
  const dated = events.filter((e) => e.date || e.published);
  if (!dated.length) return;
  const width = Math.max(box.clientWidth || 900, 400);
  const years = dated.map((e) => year(e.date || e.published));
  const { low, high, before, after } = axisRange(years, full);
  const x = (value) => 30 + ((Math.min(Math.max(value, low), high) - low) / (high - low)) * (width - 60);
  const stacks = new Map();
  const marks = dated.map((e, i) => {
    const px = Math.round(x(years[i]) / 8) * 8;
    const level = stacks.get(px) || 0;
    stacks.set(px, level + 1);
    return { e, px, level };
  });
  const height = 40 + 12 * Math.min(Math.max(...stacks.values()), 8);
  const chart = svg("svg", { width, height, role: "img", "aria-label": "events over time" });
  chart.append(svg("line", { x1: 30, x2: width - 30, y1: height - 22, y2: height - 22, class: "axis" }));
  const step = Math.max(1, Math.ceil((high - low) / 12));
  for (let y = low; y <= high; y += step) {
    chart.append(svg("line", { x1: x(y), x2: x(y), y1: height - 26, y2: height - 18, class: "axis" }));
    chart.append(svg("text", { x: x(y), y: height - 5, "text-anchor": "middle", class: "tick" }, String(y)));
  }
  if (before) chart.append(svg("text", { x: 2, y: 12, class: "tick outliers" }, `◂ ${before} earlier`));
  if (after) chart.append(svg("text", { x: width - 2, y: 12, "text-anchor": "end", class: "tick outliers" }, `${after} later ▸`));
  for (const { e, px, level } of marks) {
    if (level >= 8) continue;
    const dot = svg("circle", { cx: px, cy: height - 32 - 12 * level, r: 5, class: `mark ${EVENT_GROUPS[e.type]}` });
    dot.append(svg("title", {}, `${when(e.date || e.published)} ${e.type}: ${e.evidence}`));
    dot.addEventListener("click", () => {
      const target = document.getElementById(`ev-${e.id}`);
      if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("flash"); setTimeout(() => target.classList.remove("flash"), 1500); }
    });
    chart.append(dot);
  }
  box.append(chart);
}
