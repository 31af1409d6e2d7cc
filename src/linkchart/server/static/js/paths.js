// Paths: the shortest chains of ties between two actors of the chart (at most a chosen
// number of links, under the chart's filters), drawn on the chart and listed in the
// panel with each link's sources; a link opens its evidence.
import { relationLabel } from "./catalogue.js";
import { api } from "./api.js";
import { $, clear, el, sourcesBadge } from "./dom.js";
import { showEdge } from "./evidence.js";

let chart = null;  // { actors: () => [{id, name}], selected: () => [ids], params, draw }

function options(select, actors, chosen) {
  clear(select, actors.map((a) => el("option", { value: a.id, selected: a.id === chosen }, a.name)));
}

// Fill the two lists with the chart's actors, keeping what was chosen; with
// `bySelection`, the selected actors are chosen.
export function refreshPaths(bySelection = false) {
  if (!chart) return;
  const actors = chart.actors().sort((a, b) => a.name.localeCompare(b.name));
  const [from, to] = bySelection ? chart.selected() : [];
  options($("#p-from"), actors, from || $("#p-from").value);
  options($("#p-to"), actors, to || $("#p-to").value);
}

function step(edge, names, params) {
  const arrow = edge.directed ? "→" : "—";
  return el("li", { class: "path-link" },
    el("a", { href: "#", onclick: (event) => { event.preventDefault(); showEdge(edge, params); } },
      `${names[edge.source] || edge.source} ${arrow} ${edge.kind === "event" ? edge.type : relationLabel(edge.type)}${edge.negated ? " (denied)" : ""} `
      + `${arrow} ${names[edge.target] || edge.target}`),
    " ", sourcesBadge(edge.sources, edge.weak));
}

async function find() {
  const source = $("#p-from").value;
  const target = $("#p-to").value;
  if (!source || !target || source === target) return;
  const params = chart.params();
  params.set("source", source);
  params.set("target", target);
  params.set("max_length", $("#p-max").value);
  const panel = $("#panel");
  clear(panel, el("p", { class: "loading" }, "looking for paths…"));
  let found;
  try {
    found = await api.paths(params);
  } catch (error) {
    clear(panel, el("p", { class: "error" }, `could not find paths: ${error.message}`));
    return;
  }
  const names = Object.fromEntries(found.nodes.map((n) => [n.id, n.name]));
  const edges = Object.fromEntries(found.edges.map((e) => [e.id, e]));
  clear(panel, el("header", { class: "panel-head" }, el("p", { class: "kind" }, "paths"),
    el("h2", {}, `${names[source]} ↔ ${names[target]}`),
    el("p", { class: "facts" }, found.paths.length
      ? `${found.paths.length} shortest path${found.paths.length === 1 ? "" : "s"} of ${found.paths[0].length} link${found.paths[0].length === 1 ? "" : "s"}; click a link for its evidence`
      : `no path of at most ${$("#p-max").value} links under these filters`)),
    el("ol", { class: "paths" }, found.paths.map((path) => el("li", { class: "path" },
      el("ul", { class: "steps" }, path.map((id) => step(edges[id], names, chart.params())))))));
  if (found.paths.length) chart.draw(found.nodes.map((n) => n.id), found.edges.map((e) => e.id));
}

export function initPaths(chartActions) {
  chart = chartActions;
  clear($("#paths"),
    el("label", {}, "from ", el("select", { id: "p-from", "aria-label": "Path from" })),
    el("label", {}, "to ", el("select", { id: "p-to", "aria-label": "Path to" })),
    el("label", {}, "at most ", el("select", { id: "p-max", "aria-label": "Longest path" },
      [1, 2, 3, 4].map((n) => el("option", { value: n, selected: n === 3 }, String(n)))), " links"),
    el("button", { type: "button", id: "p-find", onclick: find }, "Find paths"));
  $("#paths").closest("details").addEventListener("toggle", () => refreshPaths());
}
