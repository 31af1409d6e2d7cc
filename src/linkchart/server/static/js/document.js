// Documents: a searchable list, and one article with what was extracted from it
// highlighted in place. The body is built from text nodes only: markup in an article
// stays text.
import { relationLabel } from "./catalogue.js";
import { api } from "./api.js";
import { clear, el, eventChip, label, typeChip, webLink, when } from "./dom.js";
import { addToChart } from "./graph.js";

export async function showDocuments(view, params) {
  const q = params.get("q") || "";
  const input = el("input", { type: "search", id: "doc-search", value: q, placeholder: "Search the articles' text…",
    "aria-label": "Search documents" });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") location.hash = `#/documents${input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : ""}`;
  });
  const list = el("ul", { class: "doc-list" }, el("li", { class: "hint" }, "loading…"));
  clear(view, el("div", { class: "page" }, el("h1", {}, "Documents"), input, list));
  try {
    const docs = await api.documents(q, 200);
    clear(list, docs.length ? docs.map((d) => el("li", {},
      el("a", { href: `#/doc/${encodeURIComponent(d.id)}` }, d.title || d.id),
      el("div", { class: "meta" }, `${d.outlet || "unknown outlet"} · ${when(d.published)}`),
      d.snippet ? el("div", { class: "snippet" }, marked(d.snippet, q)) : null)) : el("li", { class: "hint" }, "no document matches"));
  } catch (error) {
    clear(list, el("li", { class: "error" }, error.message));
  }
}

// A search snippet with the query's words marked (as text nodes and <mark>s, never HTML).
function marked(text, query) {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  if (!words.length) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = text.split(new RegExp(`(${escaped.join("|")})`, "iu"));
  return parts.map((part, i) => (i % 2 ? el("mark", { class: "hit" }, part) : part));
}

// Every span to mark: entity mentions, evidence of relations and events, reported speech.
function annotations(doc, target) {
  const spans = [];
  const add = (start, end, cls, ref, title) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end, cls, ref, title });
  };
  for (const entity of doc.entities) {
    for (const [start, end] of entity.mentions || []) {
      add(start, end, `ent type-${entity.type}`, `e:${entity.id}`, `${entity.name} (${label(entity.type)})`);
    }
  }
  doc.relations.forEach((r, i) => add(r.start, r.end, "ev rel", `r:${i}`, `relation: ${relationLabel(r.type)}`));
  doc.events.forEach((v, i) => add(v.start, v.end, "ev evt", `v:${i}`, `event: ${v.type}`));
  doc.attributions.forEach((a, i) => add(a.start, a.end, "ev attr", `a:${i}`, `said by ${a.source_text}`));
  if (target) add(target[0], target[1], "target", "target", "the evidence you came from");
  return spans;
}

function renderText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.min(s.start, text.length)); cuts.add(Math.min(s.end, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { id: "doc-text", class: "doc-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) { box.append(document.createTextNode(piece)); continue; }
    const classes = new Set(over.flatMap((s) => s.cls.split(" ")));
    box.append(el("span", { class: [...classes].join(" "), title: over.map((s) => s.title).join("\n"),
      dataset: { refs: over.map((s) => s.ref).join(" ") } }, piece));
  }
  return box;
}

function jump(ref) {
  const spans = [...document.querySelectorAll("#doc-text span")]
    .filter((s) => (s.dataset.refs || "").split(" ").includes(ref));
  document.querySelectorAll("#doc-text .focus").forEach((s) => s.classList.remove("focus"));
  spans.forEach((s) => s.classList.add("focus"));
  if (spans[0]) spans[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

export async function showDocument(view, docId, params) {
  clear(view, el("p", { class: "hint page" }, "loading…"));
  let doc;
  try {
    doc = await api.document(docId);
  } catch (error) {
    clear(view, el("p", { class: "error page" }, `could not load the document: ${error.message}`));
    return;
  }
  const hl = (params.get("hl") || "").split("-").map(Number);
  const target = hl.length === 2 && hl.every(Number.isInteger) ? hl : null;
  const local = Object.fromEntries(doc.entities.map((e) => [e.id, e]));
  const name = (id) => (local[id] ? local[id].name : id);
  const text = renderText(doc.text, annotations(doc, target));
  const toggles = ["ent", "rel", "evt", "attr"].map((kind) => el("label", { class: `check toggle ${kind}` },
    el("input", { type: "checkbox", checked: true, onchange: (event) => text.classList.toggle(`hide-${kind}`, !event.target.checked) }),
    { ent: "entities", rel: "relations", evt: "events", attr: "reported speech" }[kind]));
  const item = (ref, ...content) => el("li", { class: "item", onclick: () => jump(ref) }, ...content);
  clear(view, el("div", { class: "doc-layout" },
    el("article", { class: "doc" },
      el("header", {}, el("h1", { id: "doc-title" }, doc.title || doc.id),
        el("p", { class: "meta" }, `${doc.outlet || "unknown outlet"} · ${when(doc.published)}`,
          doc.url ? " · " : "", doc.url ? webLink(doc.url) : null),
        el("div", { class: "toggles" }, toggles)),
      text),
    el("aside", { class: "doc-items" },
      el("h2", {}, `Entities (${doc.entities.length})`),
      el("ul", {}, [...doc.entities].sort((a, b) => (b.mentions || []).length - (a.mentions || []).length).map((e) => item(`e:${e.id}`, el("span", { class: "name" }, e.name), " ", typeChip(e.type),
        ` ×${(e.mentions || []).length} `, e.entity ? el("button", { type: "button", class: "link",
          title: "add to the chart", onclick: (event) => { event.stopPropagation(); addToChart(e.entity); } }, "+ chart") : null))),
      el("h2", {}, `Relations (${doc.relations.length})`),
      el("ul", {}, doc.relations.map((r, i) => item(`r:${i}`, `${name(r.source)} `,
        el("b", {}, `${r.negated ? "not " : ""}${relationLabel(r.type)}`), ` ${name(r.target)}`))),
      el("h2", {}, `Events (${doc.events.length})`),
      el("ul", {}, doc.events.map((v, i) => item(`v:${i}`, eventChip(v.type), ` ${when(v.date)} `,
        `${v.actors.map(name).join(", ") || "—"} → ${v.recipients.map(name).join(", ") || "—"}`))),
      el("h2", {}, `Reported speech (${doc.attributions.length})`),
      el("ul", {}, doc.attributions.map((a, i) => item(`a:${i}`, el("q", {}, a.source_text),
        ` (${label(a.source_kind)}) ${a.cue || "said"}`))))));
  if (target) {
    const mark = view.querySelector("#doc-text .target");
    if (mark) mark.scrollIntoView({ block: "center" });
  }
}
