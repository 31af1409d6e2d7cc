// Workspaces: named charts kept in the store (actors, positions, selection, layout,
// viewport, notes), listed with their author and time; save, open, rename, copy, delete,
// export to a file and import one.
import { api } from "./api.js";
import { $, clear, el, toast } from "./dom.js";
import { author, notesSection } from "./notes.js";

let chart = null;   // { state: () => state, open: (state) => void }
let openId = null;

const stamp = (w) => `${w.updated_by || w.author || "web"} · ${w.updated_at.replace("T", " ").slice(0, 16)}`;

async function act(what, run) {
  try {
    await run();
  } catch (error) {
    toast(`could not ${what}: ${error.message}`, "error");
  }
  await refresh();
}

const nameInput = () => $("#ws-name");

function saveNew() {
  return act("save the workspace", async () => {
    const made = await api.saveWorkspace({ name: nameInput().value.trim() || "Untitled chart",
      state: chart.state(), author: author() });
    openId = made.id;
    toast(`Saved “${made.name}”`);
  });
}

function save() {
  if (!openId) return saveNew();
  return act("save the workspace", async () => {
    const changed = await api.changeWorkspace(openId, { name: nameInput().value.trim() || undefined,
      state: chart.state(), author: author() });
    toast(`Saved “${changed.name}”`);
  });
}

function rename() {
  if (!openId || !nameInput().value.trim()) return null;
  return act("rename the workspace", () => api.changeWorkspace(openId,
    { name: nameInput().value.trim(), author: author() }));
}

export async function openWorkspace(workspaceId) {
  const found = await api.workspace(workspaceId);
  openId = found.id;
  nameInput().value = found.name;
  chart.open(found.state);
  await refresh();
}

async function importFile(input) {
  const [file] = input.files;
  if (!file) return;
  await act("import the workspace", async () => {
    const made = await api.importWorkspace(JSON.parse(await file.text()));
    toast(`Imported “${made.name}”`);
  });
  input.value = "";
}

function row(w) {
  return el("li", { class: `workspace${w.id === openId ? " open" : ""}`, dataset: { id: w.id } },
    el("a", { href: "#", class: "ws-open", onclick: (event) => { event.preventDefault(); openWorkspace(w.id); } }, w.name),
    el("div", { class: "meta" }, `${stamp(w)} · ${w.actors} actors`),
    el("div", { class: "buttons" },
      el("button", { type: "button", class: "ws-copy", onclick: () => act("copy the workspace",
        () => api.duplicateWorkspace(w.id, { author: author() })) }, "Copy"),
      el("a", { class: "button", href: api.workspaceExportUrl(w.id), download: `workspace-${w.id}.json` }, "Export"),
      el("button", { type: "button", class: "ws-delete", onclick: () => act("delete the workspace", async () => {
        await api.deleteWorkspace(w.id);
        if (openId === w.id) openId = null;
      }) }, "Delete")));
}

async function refresh() {
  const list = await api.workspaces();
  clear($("#ws-list"), ...list.map(row));
  clear($("#ws-note"), openId ? notesSection("workspace", openId) : null);
}

export function initWorkspaces(chartActions) {
  chart = chartActions;
  const file = el("input", { type: "file", accept: "application/json,.json", id: "ws-import",
    onchange: (event) => importFile(event.target) });
  clear($("#workspace"),
    el("input", { id: "ws-name", placeholder: "Name this chart", "aria-label": "Workspace name", maxlength: 200 }),
    el("div", { class: "buttons" },
      el("button", { type: "button", id: "ws-save", onclick: save }, "Save"),
      el("button", { type: "button", id: "ws-save-new", onclick: saveNew }, "Save as new"),
      el("button", { type: "button", id: "ws-rename", onclick: rename }, "Rename")),
    el("ul", { id: "ws-list", class: "workspaces" }),
    el("label", { class: "import" }, "Import ", file),
    el("div", { id: "ws-note" }));
  refresh();
}
