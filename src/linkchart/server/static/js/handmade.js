// Actors and links added by hand: two forms in the chart's side panel. Each is kept as a
// judgement (kind add_actor, add_fact) with its author and time, so re-extraction and
// rebuilds keep it, and it is marked as hand-made on the chart (purple: a dashed border,
// an outline, and ✎), on its card or link panel, in the exports and the report.
import { api } from "./api.js";
import { loadCatalogue, relationLabel } from "./catalogue.js";
import { $, clear, el, label, toast } from "./dom.js";
import { author } from "./notes.js";

// { add: (entity id) => void, actors: () => [{ id, name }], selected: () => [entity ids] }
let chart = null;

async function addActor() {
  const name = $("#h-name").value.trim();
  if (!name) { $("#h-name").focus(); return; }
  const aliases = $("#h-aliases").value.split(",").map((a) => a.trim()).filter(Boolean);
  try {
    const made = (await api.judge("add_actor", { name, type: $("#h-type").value, aliases }, author())).judgements[0];
    const entityId = (made.targets || [])[0];
    if (!entityId) throw new Error(`the store did not make it (${made.status})`);
    $("#h-name").value = "";
    $("#h-aliases").value = "";
    toast(`Added “${name}” by hand`);
    chart.add(entityId);
  } catch (error) {
    toast(`could not add the actor: ${error.message}`, "error");
  }
}

// A link needs its evidence: a passage of one document, copied exactly.
async function addLink() {
  const [source, target] = [$("#hl-from").value, $("#hl-to").value];
  const document = $("#hl-document").value.trim();
  const evidence = $("#hl-evidence").value.trim();
  if (!source || !target || source === target) { toast("choose two different actors of the chart", "error"); return; }
  if (!document || !evidence) { (document ? $("#hl-evidence") : $("#hl-document")).focus(); return; }
  try {
    const payload = { type: $("#hl-type").value, source, target, document, evidence };
    const made = (await api.judge("add_fact", payload, author())).judgements[0];
    if (made.status !== "applied") throw new Error(`the store did not add it (${made.status})`);
    $("#hl-evidence").value = "";
    toast(`Added “${relationLabel(payload.type)}” by hand`);
    window.dispatchEvent(new CustomEvent("linkchart:changed"));
  } catch (error) {
    toast(`could not add the link: ${error.message}`, "error");
  }
}

// The two ends are chosen among the chart's actors (the selected ones first).
function fillEnds() {
  const actors = chart.actors().sort((a, b) => a.name.localeCompare(b.name));
  const [first, second] = chart.selected();
  for (const [id, chosen] of [["#hl-from", first], ["#hl-to", second]]) {
    const keep = $(id).value;
    clear($(id), actors.map((a) => el("option", { value: a.id, selected: a.id === (chosen || keep) }, a.name)));
  }
}

async function initHandLinks() {
  const { relation_types: types } = await loadCatalogue();
  clear($("#hand-link"),
    el("select", { id: "hl-from", "aria-label": "From the actor" }),
    el("select", { id: "hl-type", "aria-label": "Type of the link" },
      types.map((type) => el("option", { value: type }, relationLabel(type)))),
    el("select", { id: "hl-to", "aria-label": "To the actor" }),
    el("input", { id: "hl-document", placeholder: "Document id (Documents tab)", "aria-label": "Document" }),
    el("textarea", { id: "hl-evidence", rows: 3, placeholder: "The passage that says so, copied exactly from the document",
      "aria-label": "Evidence" }),
    el("button", { type: "button", id: "hl-add", onclick: addLink }, "Add the link"),
    el("p", { class: "hint" }, "No evidence, no edge: the passage must be in the document. Kept as your judgement and marked ✎."));
  $("#hand-link-box").addEventListener("toggle", fillEnds);
}

export async function initHandMade(chartActions) {
  chart = chartActions;
  initHandLinks();
  const { entity_types: types } = await loadCatalogue();
  clear($("#hand-made"),
    el("input", { id: "h-name", placeholder: "Name", "aria-label": "Name of the actor", maxlength: 200 }),
    el("select", { id: "h-type", "aria-label": "Type of the actor" },
      types.map((type) => el("option", { value: type, selected: type === "organization" }, label(type)))),
    el("input", { id: "h-aliases", placeholder: "Other names, comma-separated", "aria-label": "Other names" }),
    el("button", { type: "button", id: "h-add", onclick: addActor }, "Add to the chart"),
    el("p", { class: "hint" }, "Kept as your judgement: it survives every re-ingest and is marked ✎ on the chart, its card and the exports."));
}
