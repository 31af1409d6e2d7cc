// A printable report of a chart (#/report?<the chart's parameters>): its actors, every
// tie with its quotes and sources, the events drawn on it, and the documents and outlets
// it rests on. The browser prints it, or saves it as PDF ("Print or save as PDF").
import { relationColour, relationLabel } from "./catalogue.js";
import { api } from "./api.js";
import { clear, docLink, el, eventChip, saidBy, sourcesBadge, typeChip, when } from "./dom.js";

const byName = (names) => (a, b) => (names.get(a.source) || "").localeCompare(names.get(b.source) || "")
  || (names.get(a.target) || "").localeCompare(names.get(b.target) || "") || a.id.localeCompare(b.id);

function quoteItem(e) {
  return el("li", { class: "evidence" }, e.hand_made ? el("div", { class: "hand-made-quote" }, "✎ added by hand") : null,
    el("blockquote", {}, e.text),
    el("div", { class: "meta" }, el("span", { class: "outlet" }, e.outlet || "unknown outlet"), " · ",
      el("time", {}, when(e.published)), " · ", saidBy(e.attribution), " · ",
      docLink(e, `document ${e.document}`)));
}

function actorsSection(nodes) {
  const rows = [...nodes].sort((a, b) => a.name.localeCompare(b.name)).map((n) => el("tr", { class: "report-actor" },
    el("td", {}, n.name, n.hand_made ? el("span", { class: "hand-made", title: "added by hand" }, " ✎ added by hand") : null),
    el("td", {}, typeChip(n.type)), el("td", { class: "num" }, String(n.documents ?? "")),
    el("td", {}, n.expanded ? "expanded" : "")));
  return el("section", { class: "report-actors" }, el("h2", {}, `Actors (${nodes.length})`),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Type"),
      el("th", {}, "Documents"), el("th", {}, ""))), el("tbody", {}, rows)));
}

function tieItem(edge, names) {
  const made = edge.hand_made ? `✎ added by hand by ${edge.hand_made.author || "web"} on ${String(edge.hand_made.created_at || "").slice(0, 10)}` : null;
  const flags = [made, edge.negated ? "reported as denied" : null, edge.anonymous_only ? "anonymous sources only" : null,
    edge.confidence != null ? `confidence ${Number(edge.confidence).toFixed(2)}` : null].filter(Boolean);
  const type = el("span", { class: "tie-type" }, `${edge.negated ? "not " : ""}${relationLabel(edge.type)}`);
  type.style.color = relationColour(edge.type);  // as the chart draws it
  return el("li", { class: `report-tie${made ? " hand-made-tie" : ""}` },
    el("h3", {}, names.get(edge.source) || edge.source, " ", type, " ",
      names.get(edge.target) || edge.target, " ", sourcesBadge(edge.sources, edge.weak)),
    flags.length ? el("div", { class: "meta" }, flags.join(" · ")) : null,
    el("ul", { class: "evidence-list" }, (edge.evidence || []).map(quoteItem)));
}

function eventRows(edges, names) {
  const rows = [];
  edges.filter((e) => e.kind === "event").forEach((edge) => (edge.evidence || []).forEach((e) => rows.push({ edge, e })));
  rows.sort((a, b) => String(a.e.date || "").localeCompare(String(b.e.date || "")));
  return rows.map(({ edge, e }) => el("tr", { class: "report-event" },
    el("td", {}, when(e.date)), el("td", {}, eventChip(edge.type)),
    el("td", {}, `${names.get(edge.source) || edge.source} → ${names.get(edge.target) || edge.target}`),
    el("td", {}, e.location_name || ""), el("td", {}, [e.fatalities ? `${e.fatalities} killed` : null,
      e.injured ? `${e.injured} injured` : null].filter(Boolean).join(", ")),
    el("td", {}, el("q", {}, e.text), " ", el("span", { class: "meta" }, e.outlet || "", " · ", saidBy(e.attribution)))));
}

function sourcesSection(view) {
  return el("section", { class: "report-sources" }, el("h2", {}, "Sources"),
    el("ul", {}, view.outlets.map((o) => el("li", {}, `${o.outlet}: ${o.links} link${o.links === 1 ? "" : "s"}, `
      + `${o.documents} document${o.documents === 1 ? "" : "s"}`))),
    el("h3", {}, `Documents (${view.documents.length})`),
    el("ol", { class: "report-documents" }, view.documents.map((d) => el("li", {},
      el("strong", {}, d.title || d.id), ` · ${d.outlet || "unknown outlet"} · ${when(d.published)} · `,
      d.url ? el("span", { class: "url" }, d.url) : `document ${d.id}`))));
}

export async function showReport(box, params) {
  clear(box, el("p", { class: "status" }, "preparing the report…"));
  if (!params.getAll("entity").length && !params.getAll("expand").length) {
    clear(box, el("p", {}, "A report is of a chart: open one and use Export → Report."));
    return;
  }
  const view = await api.chartView(params);
  const names = new Map(view.nodes.map((n) => [n.id, n.name]));
  const ties = view.edges.filter((e) => e.kind !== "event").sort(byName(names));
  const events = eventRows(view.edges, names);
  const chart = new URLSearchParams(params);
  chart.delete("title");
  clear(box, el("article", { class: "report" },
    el("div", { class: "report-tools no-print" },
      el("button", { type: "button", id: "r-print", onclick: () => window.print() }, "Print or save as PDF"),
      el("a", { href: `#/chart?${chart}` }, "Back to the chart")),
    el("h1", {}, view.title),
    el("p", { class: "meta" }, `${view.exported_at.replace("T", " ")} UTC · ${view.nodes.length} actors · `
      + `${view.edges.length} links · ${view.documents.length} documents · linkchart ${view.linkchart}`),
    actorsSection(view.nodes),
    el("section", { class: "report-ties" }, el("h2", {}, `Ties (${ties.length})`),
      ties.length ? el("ol", { class: "ties" }, ties.map((t) => tieItem(t, names))) : el("p", {}, "No ties among these actors.")),
    el("section", { class: "report-events" }, el("h2", {}, `Events (${events.length})`),
      events.length ? el("table", {}, el("thead", {}, el("tr", {}, ["Date", "Type", "Who → whom", "Where", "Casualties", "Quote"]
        .map((h) => el("th", {}, h)))), el("tbody", {}, events))
        : el("p", {}, "No events drawn on this chart (an expanded actor's events are drawn as links).")),
    sourcesSection(view)));
  document.title = `${view.title} · linkchart`;
}
