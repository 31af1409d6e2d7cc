// The network view: Cytoscape.js, filters, expanding neighbours, exports.
// The chart's state lives in the URL (#/chart?entity=E1&expand=E1&date_from=2019...), with
// the same parameter names as /api/graph, so a view can be bookmarked, shared and exported.
import { findingPanel, takePendingFinding } from "./analysis.js";
import { api } from "./api.js";
import { loadCatalogue, relationColour, relationLabel, relationSwatch, relationTypes } from "./catalogue.js";
import { bundle, bundlesOn, bundleState, isBundle, openPair, openTies, setBundles } from "./bundles.js";
import { $, clear, download, el, EVENT_GROUPS, label, toast, TYPE_COLOURS } from "./dom.js";
import { initPanel, showEdge, showEntity, showHelp } from "./evidence.js";
import { pngOf, svgOf } from "./export.js";
import { chartFrame } from "./frame.js";
import { followGroupLabels, showGroupLabels } from "./grouplabels.js";
import { initHandMade } from "./handmade.js";
import { LAYOUTS, runLayout } from "./layouts.js";
import { initPanels } from "./panels.js";
import { initPaths, refreshPaths } from "./paths.js";
import { initWorkspaces } from "./workspace.js";

const CHART_KEYS = ["entity", "expand", "hide"];
const LABEL_ZOOM = 1;  // edge labels show from this zoom on (about 10 px), else on hover
const HAND_MADE = "#7b2cbf";  // actors and links added by hand
const SHAPES = { person: "ellipse", location: "round-diamond", country: "round-diamond" };

let cy = null;
let types = null;
let current = new URLSearchParams();
let loadedKey = null;
let pendingSelect = null;
let truncated = {};
let pendingPath = null;  // the links of paths to mark once their actors are drawn
let pendingState = null;  // a workspace being opened: its positions, selection, viewport
const edges = new Map();

export const chartParams = () => new URLSearchParams(current);
export const chartHash = (params) => `#/chart${params.toString() ? "?" + params : ""}`;
export const visibleEntityIds = () => (cy ? cy.nodes().map((n) => n.id()) : []);
// The chart's title: the open workspace's name, else the server's (the actors asked for).
const chartTitle = () => ($("#ws-name") ? $("#ws-name").value.trim() : "");

function go(params) {
  const hash = chartHash(params);
  if (location.hash === hash) showChart(params);
  else location.hash = hash;
}

function edit(change, select = null) {
  const params = chartParams();
  change(params);
  pendingSelect = select;
  go(params);
}

const addOnce = (params, key, id) => {
  if (!params.getAll(key).includes(id)) params.append(key, id);
};
const without = (params, key, id) => {
  const kept = params.getAll(key).filter((value) => value !== id);
  params.delete(key);
  kept.forEach((value) => params.append(key, value));
};

export function addToChart(id, expand = true) {
  edit((params) => {
    without(params, "hide", id);
    addOnce(params, "entity", id);
    if (expand) addOnce(params, "expand", id);
  }, id);
}

export function expandNode(id) {
  edit((params) => { addOnce(params, "expand", id); }, id);
}

function hideNode(id) {
  edit((params) => {
    without(params, "entity", id);
    without(params, "expand", id);
    addOnce(params, "hide", id);
  });
}

// The query for /api/graph and /api/export: the chart's parameters as they are.
const apiParams = () => chartParams();

function style() {
  const rules = [
    { selector: "node", style: {
      "background-color": "#999", label: "data(label)", width: "mapData(documents, 1, 12, 22, 54)",
      height: "mapData(documents, 1, 12, 22, 54)", shape: "round-rectangle", "font-size": 11,
      "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 150,
      color: "#1d232b", "text-background-color": "#ffffff", "text-background-opacity": 0.85,
      "text-background-padding": 2, "text-background-shape": "round-rectangle",
      "border-width": 1, "border-color": "#4a5360", "min-zoomed-font-size": 6 } },
    { selector: "node[?expanded]", style: { "border-width": 3, "border-color": "#1d232b" } },
    { selector: "node[?hand_made]", style: { "border-style": "dashed", "border-width": 3,
      "border-color": HAND_MADE } },
    { selector: "node[?asked]", style: { "font-weight": "bold", "font-size": 12 } },
    { selector: "node:selected", style: { "border-color": "#ff9800", "border-width": 5,
      "overlay-color": "#ff9800", "overlay-opacity": 0.15, "overlay-padding": 6 } },
    { selector: "edge", style: {
      width: "mapData(sources, 1, 6, 1.6, 9)", "line-color": "#7b8794", "curve-style": "bezier",
      "target-arrow-color": "#7b8794", "arrow-scale": 0.9, "font-size": 10,
      "text-rotation": "autorotate", color: "#39424e", "text-background-color": "#f7f8fa",
      "text-background-opacity": 0.9, "text-background-padding": 1, "min-zoomed-font-size": 7 } },
    ...relationTypes().map((type) => ({ selector: `edge[kind = 'relation'][type = '${type}']`,
      style: { "line-color": relationColour(type), "target-arrow-color": relationColour(type) } })),
    { selector: "edge[?hand_made]", style: { "line-outline-width": 2.5, "line-outline-color": HAND_MADE } },
    { selector: "edge.labelled, edge.hovered, edge:selected", style: { label: "data(label)" } },
    { selector: "edge.path", style: { "line-color": "#7b2cbf", "target-arrow-color": "#7b2cbf",
      width: 6, "z-index": 9, label: "data(label)" } },
    { selector: "edge[?directed]", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge[?weak]", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    { selector: "edge[kind = 'event']", style: { "line-color": "#c05a4f", "target-arrow-color": "#c05a4f",
      color: "#8f3a31" } },
    { selector: "edge[group ^= 'coop']", style: { "line-color": "#3d8b5a", "target-arrow-color": "#3d8b5a",
      color: "#2c6a43" } },
    { selector: "edge[?negated]", style: { "line-color": "#d62728", "target-arrow-color": "#d62728",
      "line-style": "dotted", "target-arrow-shape": "tee" } },
    { selector: "edge.bundled", style: { display: "none" } },
    { selector: "edge[kind = 'bundle']", style: { label: "data(label)", "line-color": "#55606e",
      width: "mapData(count, 2, 8, 4, 10)", "line-style": "solid", "target-arrow-shape": "none",
      color: "#1d232b", "font-weight": "bold", "text-background-color": "#e9ecf1", "text-background-opacity": 1,
      "text-background-padding": 2, "text-background-shape": "round-rectangle" } },
    { selector: "edge:selected", style: { "line-color": "#ff9800", "target-arrow-color": "#ff9800",
      "z-index": 10 } },
  ];
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    rules.splice(1, 0, { selector: `node[type = '${type}']`, style: {
      "background-color": colour, shape: SHAPES[type] || "round-rectangle" } });
  }
  return rules;
}

function ensureCy() {
  if (cy) return;
  cy = window.cytoscape({ container: $("#cy"), style: style(),
    minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false });
  window.linkchart = { cy };  // for the browser tests and the console
  cy.on("tap", "node", (event) => showEntity(event.target.id()));
  cy.on("dbltap", "node", (event) => expandNode(event.target.id()));
  cy.on("tap", "edge", (event) => {
    if (isBundle(event.target)) openBundle(event.target);
    else showEdge(edges.get(event.target.id()), filterParams());
  });
  cy.on("mouseover", "edge", (event) => event.target.addClass("hovered"));
  cy.on("mouseout", "edge", (event) => event.target.removeClass("hovered"));
  cy.on("zoom", labelEdges);
  followGroupLabels(cy);
  initPanels((pixels) => {  // the drawing stays in the middle of the room it gets
    cy.resize();
    cy.panBy({ x: pixels / 2, y: 0 });
  });
  initWorkspaces({ state: chartState, open: openState });
  initPaths({ actors: () => cy.nodes().map((n) => ({ id: n.id(), name: n.data("name") })),
    selected: () => cy.nodes(":selected").map((n) => n.id()), params: filterParams, draw: drawPath });
  cy.on("select", "node", () => refreshPaths(true));
  const kinds = $("#c-layout-kind");
  clear(kinds, Object.entries(LAYOUTS).map(([value, name]) => el("option", { value }, name)));
  kinds.addEventListener("change", () => layout(true));
  initPanel({ expand: expandNode, hide: hideNode, add: addToChart,
    isExpanded: (id) => current.getAll("expand").includes(id),
    select: (id) => { cy.$(":selected").unselect(); cy.getElementById(id).select(); } });
  window.addEventListener("linkchart:changed", () => {
    loadedKey = null;
    showHelp();
    if (!$("#view-chart").hidden) showChart(current);
  });
  $("#c-fit").addEventListener("click", () => cy.fit(undefined, 40));
  $("#c-layout").addEventListener("click", () => layout(true));
  $("#c-clear").addEventListener("click", () => go(filtersOnly()));
  $("#c-bundle").addEventListener("change", (event) => {
    bundlesOn(event.target.checked);
    rebundle();
  });
  initHandMade({ add: (id) => addToChart(id, false),
    actors: () => cy.nodes().map((n) => ({ id: n.id(), name: n.data("name") })),
    selected: () => cy.nodes(":selected").map((n) => n.id()) });
  $("#ws-name").addEventListener("input", exportLinks);
  $("#x-png").addEventListener("click", () => picture("png"));
  $("#x-svg").addEventListener("click", () => picture("svg"));
}

// A picture of the chart as drawn, framed by its title, date, legend and sources.
async function picture(kind) {
  try {
    const params = apiParams();
    if (chartTitle()) params.set("title", chartTitle());
    const view = await api.chartView(params);
    const frame = chartFrame(cy, view, filtersOnly(), chartTitle() || null);
    const blob = kind === "png" ? await pngOf(cy, frame)
      : new Blob([svgOf(cy, frame)], { type: "image/svg+xml" });
    download(`linkchart.${kind}`, blob);
  } catch (error) {
    toast(`could not export the picture: ${error.message}`, "error");
  }
}

function openBundle(edge) {
  openPair(edge.id().slice("bundle:".length));
  rebundle();
  edge.cy().$(":selected").unselect();
}

function rebundle() {
  bundle(cy);
  labelEdges();
  status(summary());
}

// The filters alone (dates matter to an edge's evidence).
function filterParams() {
  const params = filtersOnly();
  params.delete("events");
  return params;
}

function filtersOnly() {
  const params = chartParams();
  CHART_KEYS.forEach((key) => params.delete(key));
  return params;
}

async function ensureFilters() {
  if (types) return;
  types = await loadCatalogue();
  const checks = (box, values, key, swatch, name) => {
    clear(box, values.map((value) => el("label", { class: "check", title: name(value) },
      el("input", { type: "checkbox", value, checked: true, dataset: { key },
        onchange: () => applyChecks(box, key) }),
      swatch(value), name(value))));
  };
  checks($("#f-entity-types"), types.entity_types, "entity_type",
    (value) => el("i", { class: "swatch", "data-type": value }), label);
  checks($("#f-relation-types"), types.relation_types, "relation_type", relationSwatch, relationLabel);
  $("#f-events").addEventListener("change", (event) => setParam("events", event.target.checked ? null : "false"));
  $("#f-min-sources").addEventListener("change", (event) => setParam("min_sources", event.target.value === "1" ? null : event.target.value));
  $("#f-min-confidence").addEventListener("change", (event) => setParam("min_confidence",
    Number(event.target.value) === types.default_min_confidence ? null : event.target.value));
  const applyDates = () => {
    const params = chartParams();
    for (const key of ["date_from", "date_to"]) {
      const input = $(`#f-${key.replace("_", "-")}`);
      const value = input.value.trim();
      input.classList.toggle("invalid", Boolean(value) && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value));
      if (input.classList.contains("invalid")) return;
      params.delete(key);
      if (value) params.set(key, value);
    }
    go(params);
  };
  $("#f-date-apply").addEventListener("click", applyDates);
  for (const id of ["#f-date-from", "#f-date-to"]) {
    $(id).addEventListener("keydown", (event) => { if (event.key === "Enter") applyDates(); });
  }
}

function applyChecks(box, key) {
  const inputs = [...box.querySelectorAll("input")];
  const checked = inputs.filter((input) => input.checked).map((input) => input.value);
  if (!checked.length) { inputs.forEach((input) => { input.checked = true; }); }
  const params = chartParams();
  params.delete(key);
  if (checked.length && checked.length < inputs.length) checked.forEach((v) => params.append(key, v));
  go(params);
}

function setParam(key, value) {
  const params = chartParams();
  params.delete(key);
  if (value !== null) params.set(key, value);
  go(params);
}

function syncInputs(params) {
  for (const [box, key] of [["#f-entity-types", "entity_type"], ["#f-relation-types", "relation_type"]]) {
    const chosen = params.getAll(key);
    $(box).querySelectorAll("input").forEach((input) => {
      input.checked = !chosen.length || chosen.includes(input.value);
    });
  }
  $("#f-events").checked = params.get("events") !== "false";
  $("#f-min-sources").value = params.get("min_sources") || "1";
  $("#f-min-confidence").value = params.get("min_confidence") || String(types.default_min_confidence);
  $("#f-date-from").value = params.get("date_from") || "";
  $("#f-date-to").value = params.get("date_to") || "";
  exportLinks();
}

// The view's files: exactly the actors and links on screen (see /api/export).
function exportLinks() {
  const params = apiParams();
  if (chartTitle()) params.set("title", chartTitle());
  for (const format of ["gexf", "graphml", "csv", "json"]) $(`#x-${format}`).href = api.exportUrl(params, format);
  $("#x-report").href = `#/report?${params}`;
}

export async function showChart(params) {
  ensureCy();
  await ensureFilters();
  current = new URLSearchParams(params);
  syncInputs(current);
  const empty = !current.getAll("entity").length && !current.getAll("expand").length;
  $("#chart-empty").hidden = !empty;
  cy.resize();
  const key = current.toString();
  // A chart address opened as it is (a bookmark, a link) shows its first actor's card,
  // unless it opens a finding, whose evidence the panel shows instead.
  if (loadedKey === null && !pendingSelect && !pendingState && !current.get("finding")) {
    pendingSelect = current.get("entity") || current.get("expand");
  }
  if (key !== loadedKey) {
    loadedKey = key;
    if (empty) {
      cy.elements().remove();
      edges.clear();
      truncated = {};
      showHelp();
    } else {
      status("loading…");
      let graph;
      try {
        graph = await api.graph(apiParams());
      } catch (error) {
        status(`could not load the chart: ${error.message}`);
        return;
      }
      if (current.toString() !== key) return;
      truncated = graph.truncated || {};
      sync(graph);
    }
  }
  if (pendingPath && loadedKey === key) {
    cy.edges().removeClass("path");
    pendingPath.forEach((id) => cy.getElementById(id).addClass("path"));
    openTies(cy, pendingPath);
    bundle(cy);
    pendingPath = null;
  }
  refreshPaths();
  if (pendingState && loadedKey === key) {
    restore(pendingState);
    pendingState = null;
  }
  status(summary());
  if (pendingSelect && cy.getElementById(pendingSelect).nonempty()) {
    cy.$(":selected").unselect();
    cy.getElementById(pendingSelect).select();
    showEntity(pendingSelect);
  }
  pendingSelect = null;
  const finding = takePendingFinding(current);
  if (finding) clear($("#panel"), findingPanel(finding));
}

function nodeData(node) {
  return { id: node.id, name: node.name, type: node.type, documents: node.documents || 1,
    expanded: Boolean(node.expanded), asked: Boolean(node.asked), hand_made: Boolean(node.hand_made),
    label: node.hand_made ? `${node.name} ✎` : node.name };
}

function edgeData(edge) {
  const text = edge.kind === "event" ? edge.type : relationLabel(edge.type);
  const shown = edge.negated ? `not ${text}` : text;
  return { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, type: edge.type,
    label: edge.hand_made ? `${shown} ✎` : shown, hand_made: Boolean(edge.hand_made),
    sources: edge.sources, weak: Boolean(edge.weak),
    negated: Boolean(edge.negated), directed: Boolean(edge.directed),
    group: edge.kind === "event" ? EVENT_GROUPS[edge.type] || "" : "" };
}

function sync(graph) {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const hadNodes = cy.nodes().length > 0;
  const added = [];
  cy.batch(() => {
    cy.edges().filter((e) => !edgeIds.has(e.id())).remove();
    cy.nodes().filter((n) => !nodeIds.has(n.id())).remove();
    for (const node of graph.nodes) {
      const found = cy.getElementById(node.id);
      if (found.nonempty()) found.data(nodeData(node));
      else {
        // a workspace being opened: each actor goes straight to its saved place
        const position = pendingState && pendingState.positions ? pendingState.positions[node.id] : undefined;
        added.push(cy.add({ group: "nodes", data: nodeData(node), position }));
      }
    }
    edges.clear();
    for (const edge of graph.edges) {
      edges.set(edge.id, edge);
      const found = cy.getElementById(edge.id);
      if (found.nonempty()) found.data(edgeData(edge));
      else cy.add({ group: "edges", data: edgeData(edge) });
    }
  });
  bundle(cy);
  if (pendingState) return;  // its saved positions are put back in showChart
  if (!hadNodes || added.length > 0.6 * cy.nodes().length) layout(true);
  else if (added.length) place(cy.collection(added));
  showGroupLabels(cy, $("#c-layout-kind").value);
}

// The focus of a concentric layout: the selected actor, else the first one asked for.
function focusNode() {
  const chosen = cy.nodes(":selected");
  if (chosen.nonempty()) return chosen[0];
  const asked = cy.nodes("[?asked]");
  return asked.nonempty() ? asked[0] : null;
}

function layout(fit) {
  runLayout(cy, $("#c-layout-kind").value, fit, focusNode());
  if (cy.nodes().length && cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
  labelEdges();
  showGroupLabels(cy, $("#c-layout-kind").value);
}

function labelEdges() {
  cy.edges().toggleClass("labelled", cy.zoom() >= LABEL_ZOOM);
}

// What a workspace keeps: the chart's query, where each actor is, what is selected.
function chartState() {
  const positions = {};
  cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() }; });
  const focus = focusNode();
  return { params: current.toString(), positions, selection: cy.$(":selected").map((e) => e.id()),
    layout: $("#c-layout-kind").value, focus: focus ? focus.id() : null,
    viewport: { zoom: cy.zoom(), pan: cy.pan() }, bundles: bundleState() };
}

// A path's actors join the chart (unexpanded), and its links are marked.
function drawPath(nodeIds, edgeIds) {
  pendingPath = edgeIds;
  const params = chartParams();
  nodeIds.forEach((id) => { without(params, "hide", id); addOnce(params, "entity", id); });
  if (params.toString() === current.toString()) showChart(params);
  else go(params);
}

function openState(state) {
  pendingState = state;
  if (state.layout in LAYOUTS) $("#c-layout-kind").value = state.layout;
  setBundles(state.bundles);
  $("#c-bundle").checked = !state.bundles || state.bundles.on !== false;
  if (cy.nodes().length) bundle(cy);
  const params = new URLSearchParams(state.params || "");
  if (params.toString() === current.toString() && loadedKey === current.toString()) showChart(params);
  else go(params);
}

function restore(state) {
  const positions = state.positions || {};
  cy.nodes().positions((n) => positions[n.id()] || n.position());
  cy.$(":selected").unselect();
  (state.selection || []).forEach((id) => cy.getElementById(id).select());
  if (state.viewport) cy.viewport({ zoom: state.viewport.zoom, pan: state.viewport.pan });
  else cy.fit(undefined, 40);
  labelEdges();
  showGroupLabels(cy, state.layout);
}

// New neighbours go round the node they hang from, keeping everything else where it was.
function place(added) {
  const isNew = new Set(added.map((n) => n.id()));
  const groups = new Map();
  added.forEach((node) => {
    const anchors = node.neighborhood("node").filter((m) => !isNew.has(m.id()));
    const anchor = anchors.filter("[?expanded]")[0] || anchors[0];
    const key = anchor ? anchor.id() : "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(node);
  });
  const box = cy.nodes().filter((n) => !isNew.has(n.id())).boundingBox();
  for (const [anchorId, nodes] of groups) {
    const centre = anchorId ? cy.getElementById(anchorId).position()
      : { x: box.x2 + 150, y: (box.y1 + box.y2) / 2 };
    const radius = 110 + nodes.length * 7;
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length + 0.3;
      node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    });
  }
  cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 250 });
}

function summary() {
  const nodes = cy.nodes().length;
  if (!nodes) return "";
  const ties = cy.edges().filter((e) => !isBundle(e));
  const links = ties.length;
  const weak = ties.filter("[?weak]").length;
  const bundles = cy.edges("[kind = 'bundle']").length;
  const filtered = [...current.keys()].some((key) => !CHART_KEYS.includes(key));
  const cut = Object.entries(truncated).map(([id, t]) => {
    const node = cy.getElementById(id);
    return `${node.nonempty() ? node.data("name") : id}: strongest ${t.shown} of ${t.neighbours} neighbours`;
  });
  return `${nodes} actors · ${links} links (${weak} single-source or anonymous)`
    + (bundles ? ` · ${bundles} bundles of parallel ties (click one to open it)` : "")
    + (filtered ? " · filters on" : "") + (cut.length ? ` · ${cut.join("; ")}` : "")
    + " · double-click an actor to expand it";
}

function status(text) {
  $("#chart-status").textContent = text;
}
