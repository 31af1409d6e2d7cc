// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so article
// and entity text can never become markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

// Only web addresses become links: a javascript:, data: or other URL from an article's
// metadata stays plain text.
export function webLink(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return url;
  return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank" }, url);
}

export const $ = (selector, root = document) => root.querySelector(selector);

export const TYPE_COLOURS = {
  person: "#4e79a7",
  armed_group: "#e15759",
  security_agency: "#b07aa1",
  government: "#59a14f",
  international_org: "#76b7b2",
  political_party: "#edc948",
  media: "#9c755f",
  religious_body: "#ff9da7",
  company: "#f28e2b",
  organization: "#a0a0a0",
  country: "#8cd17d",
  location: "#d4d4d4",
};

// PLOVER types, grouped as cooperation (verbal, material) and conflict (verbal, material).
export const EVENT_GROUPS = {
  AGREE: "coop-verbal", CONSULT: "coop-verbal", SUPPORT: "coop-verbal", CONCEDE: "coop-verbal",
  COOPERATE: "coop-material", AID: "coop-material", RETREAT: "coop-material",
  REQUEST: "conflict-verbal", ACCUSE: "conflict-verbal", REJECT: "conflict-verbal",
  THREATEN: "conflict-verbal",
  PROTEST: "conflict-material", SANCTION: "conflict-material", MOBILIZE: "conflict-material",
  COERCE: "conflict-material", ASSAULT: "conflict-material",
};

export const label = (type) => String(type || "").replaceAll("_", " ");

export function typeChip(type) {
  return el("span", { class: `chip type-${type}`, title: "entity type" },
    el("i", { class: "swatch", "data-type": type }), label(type));
}

export function eventChip(type) {
  return el("span", { class: `chip plover ${EVENT_GROUPS[type] || ""}`, title: "PLOVER event type" },
    type);
}

export function sourcesBadge(count, weak) {
  const text = count === 1 ? "1 source" : `${count} sources`;
  return el("span", { class: `badge ${weak ? "weak" : "strong"}`,
    title: "independent outlets reporting it" }, text);
}

// "said by" for a piece of evidence: the named source, or the anonymous descriptor as written.
export function saidBy(attribution) {
  if (!attribution) return el("span", { class: "said own" }, "in the outlet's own voice");
  const kind = attribution.source_kind === "anonymous" ? "anonymous"
    : attribution.source_kind === "named_person" ? "named person" : "named organisation";
  return el("span", { class: `said ${attribution.source_kind}` },
    attribution.cue ? `${attribution.cue}: ` : "according to ",
    el("q", { class: "source-text" }, attribution.source_text),
    ` (${kind})`);
}

export function docLink(evidence, text = "open document") {
  const params = new URLSearchParams();
  if (evidence.start !== null && evidence.start !== undefined) {
    params.set("hl", `${evidence.start}-${evidence.end}`);
  }
  const query = params.toString();
  return el("a", { class: "doc-link", href: `#/doc/${encodeURIComponent(evidence.document)}${query ? "?" + query : ""}` }, text);
}

export function when(value) {
  return value || "undated";
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let toastTimer = null;
export function toast(message, kind = "info") {
  const box = document.getElementById("toast");
  box.textContent = message;
  box.className = `toast ${kind}`;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
}
