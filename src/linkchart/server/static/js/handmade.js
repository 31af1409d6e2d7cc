// Actors added by hand: a form in the chart's side panel. Each is kept as a judgement
// (kind add_actor) with its author and time, so re-extraction and rebuilds keep it, and
// it is marked as hand-made on the chart (dashed purple border, ✎), on its card and in
// the exports.
import { api } from "./api.js";
import { $, clear, el, label, toast } from "./dom.js";
import { author } from "./notes.js";

let chart = null;  // { add: (entity id) => void }

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

export async function initHandMade(chartActions) {
  chart = chartActions;
  const { entity_types: types } = await api.types();
  clear($("#hand-made"),
    el("input", { id: "h-name", placeholder: "Name", "aria-label": "Name of the actor", maxlength: 200 }),
    el("select", { id: "h-type", "aria-label": "Type of the actor" },
      types.map((type) => el("option", { value: type, selected: type === "organization" }, label(type)))),
    el("input", { id: "h-aliases", placeholder: "Other names, comma-separated", "aria-label": "Other names" }),
    el("button", { type: "button", id: "h-add", onclick: addActor }, "Add to the chart"),
    el("p", { class: "hint" }, "Kept as your judgement: it survives every re-ingest and is marked ✎ on the chart, its card and the exports."));
}
