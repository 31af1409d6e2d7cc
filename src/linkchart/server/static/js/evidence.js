// The evidence panel: for an actor or a link, every quote, its outlet and date, who said
// it, and the way to the document it came from.
import { relationLabel } from "./catalogue.js";
import { api } from "./api.js";
import { $, clear, docLink, el, eventChip, saidBy, sourcesBadge, typeChip, when } from "./dom.js";
import { notesSection } from "./notes.js";
import { judgeButton, mergePicker, retypePicker } from "./review.js";

let actions = {};
let shown = null;
const QUOTES = 3;

export function initPanel(chartActions) {
  actions = chartActions;
  showHelp();
}

const panel = () => $("#panel");

export function showHelp() {
  shown = null;
  clear(panel(), el("div", { class: "panel-help" },
    el("h2", {}, "Evidence"),
    el("p", {}, "Click an actor or a link to see its sources: the quotes, the outlet and date, and who said it."),
    el("p", {}, "Double-click an actor to expand its neighbours. Dashed links rest on one outlet or on anonymous sources only.")));
}

// "✎ added by hand by ana on 2026-12-07": a link holding a relation an analyst added.
function handMadeBadge(made) {
  return el("span", { class: "badge hand-made", title: "a relation an analyst added by hand (a judgement)" },
    `✎ added by hand by ${made.author || "web"} on ${String(made.created_at || "").slice(0, 10)}`);
}

function quote(evidence) {
  const flags = [];
  if (evidence.hedged) flags.push("hedged");
  if (evidence.role) flags.push(`role: ${evidence.role}`);
  return el("li", { class: "evidence" },
    evidence.event ? eventFacts(evidence) : null,
    evidence.hand_made ? el("div", { class: "hand-made-quote" }, "✎ added by hand") : null,
    el("blockquote", {}, evidence.text),
    el("div", { class: "meta" },
      el("span", { class: "outlet" }, evidence.outlet || "unknown outlet"), " · ",
      el("time", {}, when(evidence.published)), " · ", saidBy(evidence.attribution),
      flags.length ? ` · ${flags.join(", ")}` : "", " · ", docLink(evidence)));
}

function eventFacts(e) {
  const bits = [when(e.date), e.date_text ? `“${e.date_text}”` : null, e.mode,
    e.location_name ? `in ${e.location_name}` : null,
    e.fatalities ? `${e.fatalities} killed` : null, e.injured ? `${e.injured} injured` : null];
  return el("div", { class: "event-facts" }, bits.filter(Boolean).join(" · "));
}

// A link's quotes, the first few shown; `total` and `edgeId` when the server sent only
// the first of them (an actor's card), so the rest are fetched on request.
function quotes(evidence, total = evidence.length, edgeId = null) {
  const list = el("ul", { class: "evidence-list" });
  const byDate = (items) => [...items].sort((a, b) => String(a.published).localeCompare(String(b.published)));
  const sorted = byDate(evidence);
  const first = Math.min(QUOTES, sorted.length);
  sorted.slice(0, first).forEach((e) => list.append(quote(e)));
  if (total > first) {
    const showRest = async () => {
      if (total > sorted.length && edgeId) {
        const all = byDate((await api.edge(edgeId)).evidence);
        clear(list, ...all.map(quote));
      } else {
        more.remove();
        sorted.slice(first).forEach((e) => list.append(quote(e)));
      }
    };
    const more = el("li", { class: "more" }, el("button", { type: "button", class: "link",
      onclick: showRest }, `show ${total - first} more`));
    list.append(more);
  }
  return list;
}

// A long list shows its first items, and the rest on request.
function some(cls, items, render, first = 30) {
  const list = el("ul", { class: cls }, items.slice(0, first).map(render));
  if (items.length > first) {
    const more = el("li", { class: "more" }, el("button", { type: "button", class: "link",
      onclick: () => { more.remove(); list.append(...items.slice(first).map(render)); },
    }, `show ${items.length - first} more`));
    list.append(more);
  }
  return list;
}

// A card lists at most so many of an actor's items; say so when it holds more.
function capped(items, total, what) {
  return total > items.length
    ? el("p", { class: "hint capped" }, `showing ${thousands(items.length)} of ${thousands(total)} ${what}`) : null;
}

const thousands = (n) => n.toLocaleString("en");

function actor(id, name, type) {
  return el("button", { type: "button", class: "link actor", title: "show in the chart",
    onclick: () => actions.add(id, false) }, name || id, type ? el("i", { class: "swatch", "data-type": type }) : null);
}

function section(title, count, ...body) {
  return el("section", { class: "panel-section" },
    el("h3", {}, title, count !== null ? el("span", { class: "count" }, String(count)) : null), ...body);
}

export async function showEntity(id) {
  shown = id;
  clear(panel(), el("p", { class: "loading" }, "loading…"));
  let card;
  try {
    card = await api.entity(id);
  } catch (error) {
    clear(panel(), el("p", { class: "error" }, `could not load ${id}: ${error.message}`));
    return;
  }
  if (shown !== id) return;
  actions.select(id);
  const c = card.corroboration;
  const expanded = actions.isExpanded(id);
  clear(panel(),
    el("header", { class: "panel-head" },
      el("h2", {}, card.name), typeChip(card.type), el("span", { class: "id" }, card.id),
      card.aliases.length ? el("p", { class: "aliases" }, "also: ", card.aliases.join(", ")) : null,
      card.hand_made ? el("p", { class: "hand-made" }, `✎ added by hand by ${card.hand_made.author || "web"} `
        + `on ${card.hand_made.created_at.slice(0, 10)}${c.documents ? "" : " (no article names it yet)"}`) : null,
      el("p", { class: "facts" }, `${c.documents} documents · ${c.outlets} outlets · ${c.relations} ties · `
        + `${c.events} events · ${c.statements} statements`),
      el("p", { class: "facts" }, `seen ${when(card.first_seen)} – ${when(card.last_seen)}`),
      el("div", { class: "buttons" },
        el("button", { type: "button", class: "primary", disabled: expanded,
          onclick: () => actions.expand(id) }, expanded ? "Expanded" : "Expand neighbours"),
        el("a", { class: "button", href: `#/timeline?entity=${encodeURIComponent(id)}` }, "Timeline"),
        el("button", { type: "button", onclick: () => actions.hide(id) }, "Hide"))),
    section("Ties", c.relations, some("ties", card.relations, tie),
      capped(card.relations, c.relations, "ties, the best sourced first")),
    section("Events", c.events, some("events", card.events, eventItem),
      capped(card.events, c.events, "events, the oldest first")),
    section("Statements as a source", c.statements, some("statements", card.attributions, statement),
      capped(card.attributions, c.statements, "statements, the oldest first")),
    section("Documents", c.documents, some("docs", card.documents, (d) =>
      el("li", {}, docLink({ document: d.id }, d.title || d.id), el("div", { class: "meta" },
        `${d.outlet || "unknown outlet"} · ${when(d.published)}`))),
      capped(card.documents, c.documents, "documents, the oldest first")),
    notesSection("entity", card.id),
    section("Review", null, el("div", { class: "review-actions" },
      mergePicker(card), retypePicker(card))));
}

function tie(relation) {
  const other = relation.other;
  const arrow = relation.direction === "out" ? "→" : relation.direction === "in" ? "←" : "—";
  const text = `${relation.negated ? "not " : ""}${relationLabel(relation.type)}`;
  return el("li", { class: `tie ${relation.weak ? "weak" : ""}` },
    el("div", { class: "tie-head" },
      el("span", { class: "rel" }, relation.direction === "in" ? `${arrow} ${text} ${arrow}` : `${text} ${arrow}`), " ",
      actor(other.id, other.name, other.type), " ", sourcesBadge(relation.sources, relation.weak),
      relation.anonymous_only ? el("span", { class: "badge anon" }, "anonymous only") : null,
      relation.hand_made ? handMadeBadge(relation.hand_made) : null),
    quotes(relation.evidence, relation.evidence_total ?? relation.evidence.length, relation.id));
}

function names(event, ids) {
  return ids.length ? ids.map((i) => event.names[i] || i).join(", ") : "—";
}

function eventItem(event) {
  const counts = [];
  if (event.fatalities) counts.push(`${event.fatalities} killed`);
  if (event.injured) counts.push(`${event.injured} injured`);
  return el("li", { class: "event-item" },
    el("div", { class: "tie-head" }, el("time", {}, when(event.date || event.published)), " ",
      eventChip(event.type), event.mode ? ` ${event.mode}` : "", " ",
      `${names(event, event.actors)} → ${names(event, event.recipients)}`,
      event.location ? ` · in ${event.names[event.location] || event.location}` : "",
      counts.length ? ` · ${counts.join(", ")}` : ""),
    quotes([{ ...event, text: event.evidence }]));
}

function statement(a) {
  return el("li", { class: "evidence" },
    el("blockquote", {}, a.content),
    el("div", { class: "meta" }, el("span", { class: "outlet" }, a.outlet || "unknown outlet"), " · ",
      el("time", {}, when(a.published)), " · ", a.cue || "said", a.direct ? " (quoted)" : "",
      " · ", docLink(a)));
}

export async function showEdge(summary, params) {
  if (!summary) return;
  shown = summary.id;
  clear(panel(), el("p", { class: "loading" }, "loading…"));
  let edge;
  try {
    edge = await api.edge(summary.id, params);
  } catch (error) {
    clear(panel(), el("p", { class: "error" }, `could not load the evidence: ${error.message}`));
    return;
  }
  if (shown !== summary.id) return;
  const isEvent = edge.kind === "event";
  const flags = [];
  if (edge.anonymous_only) flags.push(el("span", { class: "badge anon" }, "anonymous sources only"));
  if (edge.negated) flags.push(el("span", { class: "badge negated" }, "reported as denied"));
  if (edge.hand_made) flags.push(handMadeBadge(edge.hand_made));
  if (edge.evidence.some((e) => e.hedged)) flags.push(el("span", { class: "badge" }, "hedged"));
  if (edge.confidence != null) {
    flags.push(el("span", { class: "badge confidence", title: "calibrated: the estimated chance "
      + "that this link is right, higher when independent outlets report it" },
    `confidence ${edge.confidence.toFixed(2)}`));
  }
  const type = isEvent ? eventChip(edge.type) : el("span", { class: "rel" }, relationLabel(edge.type));
  const arrow = edge.directed ? "→" : "—";
  clear(panel(),
    el("header", { class: "panel-head" },
      el("p", { class: "kind" }, isEvent ? "event (PLOVER)" : "relation"),
      el("h2", { class: "edge-title" }, actor(edge.source, edge.source_name, edge.source_type),
        ` ${arrow} `, type, ` ${arrow} `, actor(edge.target, edge.target_name, edge.target_type)),
      el("p", { class: "facts" }, sourcesBadge(edge.sources, edge.weak), " ", ...flags),
      el("p", { class: "facts" }, `${edge.evidence.length} mention${edge.evidence.length === 1 ? "" : "s"} in `
        + `${edge.documents.length} document${edge.documents.length === 1 ? "" : "s"} · `
        + `${when(edge.first_date)}${edge.last_date && edge.last_date !== edge.first_date ? ` – ${edge.last_date}` : ""}`)),
    section("Evidence", edge.evidence.length, quotes(edge.evidence)),
    notesSection(isEvent ? "event" : "link", summary.id),
    section("Review", null, el("div", { class: "review-actions" }, judgeButton("reject",
      isEvent ? { events: [...new Set(edge.evidence.map((e) => e.event))] }
        : { relation: edge.id }, "Reject this link", "Recorded: this link is rejected"))));
}
