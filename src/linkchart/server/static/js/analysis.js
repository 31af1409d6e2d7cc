// The Analysis view (#/analysis?kind=chains): the findings of one analysis, each with its
// actors; a finding opens its evidence in the panel and its subgraph on the chart.
import { api } from "./api.js";
import { clear, docLink, el, typeChip, when } from "./dom.js";

export const KINDS = {
  chains: "Chains of command",
  directives: "Conflicting directives",
  fronts: "Front groups",
  contradictions: "Contradictions",
  brokers: "Brokers and central actors",
  sourcing: "Sourcing",
};

const PENDING = "linkchart.finding";

// The chart of a finding: its known actors, with the links among them; the chart's panel
// then shows the finding's evidence (handed over through sessionStorage).
export function findingHash(finding) {
  const params = new URLSearchParams();
  finding.entities.filter((e) => e.id).forEach((e) => params.append("entity", e.id));
  params.set("finding", "1");
  return `#/chart?${params}`;
}

// The finding the Analysis view sent to the chart, once.
export function takePendingFinding(params) {
  if (!params.get("finding")) return null;
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  return stored ? JSON.parse(stored) : null;
}

function kindTabs(kind) {
  return el("nav", { class: "analysis-kinds", "aria-label": "Analyses" },
    Object.entries(KINDS).map(([key, title]) => el("a", {
      href: `#/analysis?kind=${key}`, class: key === kind ? "on" : "", "data-kind": key }, title)));
}

function quote(evidence) {
  const kind = evidence.source_kind === "outlet" ? "the outlet's own voice" : evidence.source_kind;
  return el("li", { class: "evidence" },
    el("blockquote", {}, evidence.text),
    el("div", { class: "meta" },
      el("span", { class: "outlet" }, evidence.outlet || "unknown outlet"), " · ",
      el("time", {}, when(evidence.published)), " · ",
      el("span", { class: "said" }, "said by ", el("q", { class: "source-text" }, evidence.source_text || "—"),
        ` (${kind})`), " · ", docLink(evidence)));
}

// A finding's actors and evidence, as the Analysis view and the chart's panel show it.
export function findingPanel(finding, withChartLink = false) {
  const open = el("a", { class: "button open-chart", href: findingHash(finding) }, "Open on the chart");
  open.addEventListener("click", () => sessionStorage.setItem(PENDING, JSON.stringify(finding)));
  return el("div", { class: "finding-detail" },
    el("h2", {}, finding.summary),
    el("p", { class: "actors" }, finding.entities.map((e) => el("span", { class: "actor" },
      e.name, " ", e.type ? typeChip(e.type) : null))),
    withChartLink && finding.entities.some((e) => e.id) ? open : null,
    el("h3", {}, `Evidence (${finding.evidence.length})`),
    el("ul", { class: "evidence-list" }, finding.evidence.map(quote)));
}

function showFinding(panel, finding) {
  clear(panel, findingPanel(finding, true));
}

export async function showAnalysis(section, params) {
  const kind = KINDS[params.get("kind")] ? params.get("kind") : "chains";
  const list = el("ol", { class: "findings", "aria-label": "Findings" });
  const panel = el("aside", { class: "panel analysis-panel", "aria-live": "polite" },
    el("p", { class: "hint" }, "Pick a finding to read its evidence."));
  clear(section, kindTabs(kind), el("div", { class: "analysis-body" }, list, panel));
  list.append(el("li", { class: "hint" }, "Analysing…"));
  let findings = [];
  try {
    findings = await api.analysis(kind, { limit: 200 });
  } catch (error) {
    clear(list, el("li", { class: "error" }, `Could not analyse: ${error.message}`));
    return;
  }
  if (!findings.length) {
    clear(list, el("li", { class: "hint" }, "No findings in this store."));
    return;
  }
  clear(list, findings.map((finding, n) => {
    const item = el("li", { class: "finding", tabindex: "0", "data-n": String(n) },
      el("span", { class: "summary" }, finding.summary),
      el("span", { class: "count" }, `${finding.evidence.length} quotes`));
    const open = () => {
      list.querySelectorAll(".finding.on").forEach((x) => x.classList.remove("on"));
      item.classList.add("on");
      showFinding(panel, finding);
    };
    item.addEventListener("click", open);
    item.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
    return item;
  }));
}
