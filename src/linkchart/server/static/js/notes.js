// Analysts' notes on an actor, a link, an event link or a workspace: kept by the server
// as judgements, so a re-ingest keeps them and the review page lists them.
import { api } from "./api.js";
import { clear, el, toast } from "./dom.js";

export const author = () => localStorage.getItem("linkchart.reviewer") || "web";

const matches = (note, on, target) => (on === "workspace" ? note.workspace === Number(target)
  : on === "entity" ? note.entity === target : note.link === target);

function noteItem(note) {
  return el("li", { class: "note" }, el("p", {}, note.text),
    el("div", { class: "meta" }, `${note.author || "web"} · ${note.created_at}`));
}

// The notes on one thing, and a box to add one.
export function notesSection(on, target) {
  const list = el("ul", { class: "notes" });
  const text = el("textarea", { rows: 2, "aria-label": "A note", placeholder: "Add a note…" });
  const refresh = async () => {
    const mine = (await api.notes()).filter((n) => matches(n, on, target));
    clear(list, ...mine.map(noteItem));
  };
  const add = async () => {
    if (!text.value.trim()) return;
    try {
      await api.note(on, target, text.value.trim(), author());
      text.value = "";
      await refresh();
    } catch (error) {
      toast(`could not keep the note: ${error.message}`, "error");
    }
  };
  refresh();
  return el("section", { class: "notes-section" }, el("h3", {}, "Notes"), list, text,
    el("button", { type: "button", class: "add-note", onclick: add }, "Add note"));
}
