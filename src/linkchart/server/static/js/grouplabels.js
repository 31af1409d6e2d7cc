// The names of the groups of a grouped layout, over the chart above each group's patch:
// the type, or a cluster's best-connected actor, with the number of actors.
import { clear, el, label } from "./dom.js";
import { groupsOf } from "./layouts.js";

let shown = null;  // [[text, actors]] while a grouped layout is on

function box() {
  let layer = document.getElementById("group-labels");
  if (!layer) {
    layer = el("div", { id: "group-labels", class: "group-labels", "aria-hidden": "true" });
    document.getElementById("cy").after(layer);
  }
  return layer;
}

function place(cy) {
  if (!shown) return;
  const zoom = cy.zoom();
  const pan = cy.pan();
  box().querySelectorAll(".group-label").forEach((tag, i) => {
    const patch = shown[i][1].boundingBox();
    tag.style.left = `${((patch.x1 + patch.x2) / 2) * zoom + pan.x}px`;
    tag.style.top = `${patch.y1 * zoom + pan.y - 22}px`;
  });
}

export function showGroupLabels(cy, by) {
  if (by !== "type" && by !== "cluster") {
    shown = null;
    clear(box());
    return;
  }
  shown = groupsOf(cy, by).filter(([, members]) => members.length > 1).map(([key, members]) => {
    const hub = members.reduce((a, b) => (b.degree() > a.degree() ? b : a));
    const text = by === "type" ? label(key) : `${hub.data("name")}'s cluster`;
    return [`${text} (${members.length})`, cy.collection(members)];
  });
  clear(box(), shown.map(([text]) => el("span", { class: "group-label" }, text)));
  place(cy);
}

// The names as an exported picture draws them: each one's text, and the middle of the top
// edge of its patch in the chart's coordinates; none unless a grouped layout is on.
export function groupTags() {
  return (shown || []).map(([text, members]) => {
    const patch = members.boundingBox();
    return { text, x: (patch.x1 + patch.x2) / 2, y: patch.y1 - 8 };
  });
}

export function followGroupLabels(cy) {
  cy.on("viewport position", () => place(cy));
}
