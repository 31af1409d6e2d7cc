// What frames an exported picture of the chart: its title, the date, the filters, a
// legend of what is drawn on it, and the sources its links rest on. `frameItems` lays it
// out as plain items (text, node swatches, line samples) that export.js draws as SVG or
// on a canvas, so both pictures carry the same frame.
import { relationColour, relationLabel } from "./catalogue.js";
import { EVENT_GROUPS, label, TYPE_COLOURS } from "./dom.js";
import { groupTags } from "./grouplabels.js";

const MARGIN = 16;
const HEAD = 58;
const ROW = 18;
const LINE = 14;
const SMALL = 11;
const CHAR = 0.56;  // average glyph width over font size, for wrapping

const SHAPES = { person: "ellipse", location: "round-diamond", country: "round-diamond" };
const FILTER_NAMES = { entity_type: "types", relation_type: "links", date_from: "from", date_to: "to",
  min_sources: "sources ≥", min_confidence: "confidence ≥", events: "events" };

function filtersText(params) {
  const parts = [];
  for (const [key, name] of Object.entries(FILTER_NAMES)) {
    const values = params.getAll(key);
    const named = key === "relation_type" ? relationLabel : label;
    if (values.length) parts.push(`${name} ${values.map(named).join(", ")}`);
  }
  return parts.length ? `filters: ${parts.join("; ")}` : "no filters";
}

function legendOf(cy) {
  const items = [];
  const types = [...new Set(cy.nodes(":visible").map((n) => n.data("type")))].sort();
  types.forEach((type) => items.push({ swatch: "node", type, text: label(type) }));
  const drawn = cy.edges(":visible");
  const has = (test) => drawn.some(test);
  const relation = (e) => e.data("kind") === "relation";
  if (cy.nodes("[?hand_made]").nonempty()) items.push({ swatch: "node", type: "", dash: [3, 2], text: "added by hand" });
  const relationTypes = [...new Set(drawn.filter(relation).map((e) => e.data("type")))].sort();
  relationTypes.forEach((type) => items.push({ swatch: "line", colour: relationColour(type), text: relationLabel(type) }));
  if (has((e) => e.data("hand_made"))) items.push({ swatch: "line", colour: "#7b2cbf", width: 5, text: "✎ link added by hand" });
  if (has((e) => relation(e) && !e.data("weak") && !e.data("negated"))) items.push({ swatch: "line", colour: "#7b8794", text: "solid: 2+ independent outlets" });
  if (has((e) => e.data("weak") && !e.data("negated"))) items.push({ swatch: "line", colour: "#7b8794", dash: [6, 4], text: "dashed: one outlet or anonymous only" });
  if (has((e) => e.data("negated"))) items.push({ swatch: "line", colour: "#d62728", dash: [2, 3], text: "reported as denied" });
  if (has((e) => e.data("kind") === "event" && !String(EVENT_GROUPS[e.data("type")] || "").startsWith("coop"))) {
    items.push({ swatch: "line", colour: "#c05a4f", text: "event: conflict" });
  }
  if (has((e) => e.data("kind") === "event" && String(EVENT_GROUPS[e.data("type")] || "").startsWith("coop"))) {
    items.push({ swatch: "line", colour: "#3d8b5a", text: "event: cooperation" });
  }
  if (has((e) => e.data("kind") === "bundle")) items.push({ swatch: "line", colour: "#55606e", width: 4, text: "n ties: parallel ties bundled" });
  return items;
}

function sourcesText(view) {
  const outlets = (view.outlets || []).map((o) => `${o.outlet} (${o.links} link${o.links === 1 ? "" : "s"}, `
    + `${o.documents} document${o.documents === 1 ? "" : "s"})`);
  return outlets.length ? `Sources: ${outlets.join("; ")}.` : "Sources: none (no link on the chart).";
}

// `view`: the chart's linkchart-view/1 (title, outlets, exported_at); `params` its query.
export function chartFrame(cy, view, params, title = null) {
  const when = (view.exported_at || new Date().toISOString()).replace("T", " ").slice(0, 16);
  const actors = cy.nodes(":visible").length;
  const links = view.edges ? view.edges.length : cy.edges(":visible").length;
  return {
    title: title || view.title,
    subtitle: `${when} UTC · ${actors} actors, ${links} links, ${(view.documents || []).length} documents · ${filtersText(params)} · linkchart`,
    legend: legendOf(cy),
    sources: sourcesText(view),
    groups: groupTags(),
  };
}

function wrap(text, width, size) {
  const most = Math.max(20, Math.floor(width / (size * CHAR)));
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > most) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function legendRows(legend, width) {
  const rows = [[]];
  let x = MARGIN;
  for (const item of legend) {
    const span = 30 + item.text.length * SMALL * CHAR + 14;
    if (x + span > width - MARGIN && rows[rows.length - 1].length) { rows.push([]); x = MARGIN; }
    rows[rows.length - 1].push({ ...item, x });
    x += span;
  }
  return rows;
}

function swatch(item, y) {
  if (item.swatch === "node") {
    return { kind: "node", x: item.x + 10, y, size: 12, colour: TYPE_COLOURS[item.type] || "#ffffff",
      shape: SHAPES[item.type] || "round-rectangle", dash: item.dash };
  }
  return { kind: "line", x1: item.x, x2: item.x + 22, y, colour: item.colour, width: item.width || 2, dash: item.dash };
}

// The frame's size above (`head`) and below (`foot`) the chart, and its items for a
// chart `chartHeight` high, in the picture's coordinates (0, 0 at its top left).
export function frameItems(frame, width) {
  const inner = width - 2 * MARGIN;
  const subtitle = wrap(frame.subtitle, inner, SMALL);
  const head = HEAD + (subtitle.length - 1) * LINE;
  const rows = legendRows(frame.legend, width);
  const sources = wrap(frame.sources, inner, SMALL);
  const foot = 12 + rows.length * ROW + 6 + sources.length * LINE + 10;
  const items = (chartHeight) => {
    const found = [{ kind: "text", x: MARGIN, y: 26, size: 16, bold: true, text: frame.title }];
    subtitle.forEach((text, i) => found.push({ kind: "text", x: MARGIN, y: 44 + i * LINE, size: SMALL, colour: "#55606e", text }));
    let y = head + chartHeight + 12 + ROW / 2;
    rows.forEach((row) => {
      row.forEach((item) => {
        found.push(swatch(item, y));
        found.push({ kind: "text", x: item.x + 30, y: y + 4, size: SMALL, text: item.text });
      });
      y += ROW;
    });
    y += 6;
    sources.forEach((text) => { found.push({ kind: "text", x: MARGIN, y: y + 4, size: SMALL, text }); y += LINE; });
    return found;
  };
  return { head, foot, items };
}
