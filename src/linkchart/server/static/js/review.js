// Review actions (merge, not the same, retype, rename, reject) and the review page: the
// resolution queue and every judgement made. The store applies a judgement at once and
// re-applies it on every later ingest; after one, the chart reloads.
import { relationLabel } from "./catalogue.js";
import { api } from "./api.js";
import { clear, el, label, toast, TYPE_COLOURS } from "./dom.js";
import { searchBox } from "./search.js";

const author = () => localStorage.getItem("linkchart.reviewer") || "web";

function changed() {
  window.dispatchEvent(new CustomEvent("linkchart:changed"));
}

async function judge(kind, payload, done) {
  try {
    const made = (await api.judge(kind, payload, author())).judgements;
    const states = [...new Set(made.map((j) => j.status || "recorded"))].join(", ");
    toast(`${done} (${states}).`);
    changed();
    return true;
  } catch (error) {
    toast(`Not recorded: ${error.message}`, "error");
    return false;
  }
}

// A button that asks once more before it records anything.
export function judgeButton(kind, payload, text, done) {
  const button = el("button", { type: "button", class: "danger" }, text);
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      button.textContent = `Confirm: ${text.toLowerCase()}`;
      return;
    }
    button.disabled = true;
    if (await judge(kind, payload, done)) button.textContent = "Done";
    else { button.disabled = false; armed = false; button.textContent = text; }
  });
  return button;
}

function picker(placeholder, onPick) {
  const input = el("input", { type: "search", placeholder, "aria-label": placeholder, autocomplete: "off" });
  const list = el("ul", { class: "dropdown", role: "listbox", hidden: true });
  searchBox(input, list, onPick);
  return el("div", { class: "search" }, input, list);
}

export function mergePicker(card) {
  const confirm = el("div", { class: "confirm" });
  const choose = (kind) => (other) => {
    if (other.id === card.id) { toast("That is the same entry.", "error"); return; }
    const same = kind === "merge";
    clear(confirm, el("p", {}, `“${other.name}” (${label(other.type)}, ${other.id}) `
      + (same ? `is “${card.name}”?` : `is not “${card.name}”?`)),
    judgeButton(kind, { entities: [card.id, other.id] }, same ? "Merge them" : "Keep them apart",
      same ? `${other.name} and ${card.name} merged` : `${other.name} kept apart from ${card.name}`));
  };
  return el("div", { class: "merge" },
    el("label", {}, "Same actor as…"), picker(`Merge another entry into ${card.name}…`, choose("merge")),
    el("label", {}, "Not the same as…"), picker("An entry wrongly merged or confused…", choose("not_same")),
    confirm);
}

export function retypePicker(card) {
  const select = el("select", { "aria-label": "New type" },
    Object.keys(TYPE_COLOURS).map((type) => el("option", { value: type, selected: type === card.type }, label(type))));
  const name = el("input", { value: card.name, "aria-label": "New name" });
  return el("div", { class: "retype-rename" },
    el("div", { class: "retype" }, el("label", {}, "Type"), select, el("button", { type: "button",
      onclick: () => (select.value === card.type ? toast("That is its type already.")
        : judge("retype", { entity: card.id, type: select.value }, `${card.name} retyped as ${label(select.value)}`)),
    }, "Retype")),
    el("div", { class: "retype" }, el("label", {}, "Name"), name, el("button", { type: "button",
      onclick: () => (name.value.trim() === card.name ? toast("That is its name already.")
        : judge("rename", { entity: card.id, name: name.value.trim() }, `${card.name} renamed ${name.value.trim()}`)),
    }, "Rename")));
}

function payloadText(judgement) {
  const p = judgement.payload || {};
  const sig = (s) => (s && typeof s === "object" ? `${s.name || "?"}${s.id ? ` (${s.id})` : ""}` : String(s));
  if (Array.isArray(p.entities)) return p.entities.map(sig).join(" + ");
  if (p.entity) return `${sig(p.entity)}${p.type ? ` → ${label(p.type)}` : ""}${p.name ? ` → “${p.name}”` : ""}`;
  if (p.facts) return `${p.ref || ""} ${p.facts.map((f) => `“${f.evidence || f.content || ""}” (${f.document})`).join("; ")}`;
  if (p.fact) return `${sig(p.source)} ${relationLabel(p.type)} ${sig(p.target)}: “${p.evidence}”`;
  return JSON.stringify(p);
}

function candidateRow(row, reload) {
  const decide = (decision) => async () => {
    try {
      await api.decide(row.id, decision, author());
      toast(`Candidate ${row.id}: ${decision.replace("_", " ")}.`);
      changed();
      reload();
    } catch (error) {
      toast(`Not recorded: ${error.message}`, "error");
    }
  };
  const side = (e) => el("div", {}, el("b", {}, e.name), ` (${label(e.type)}, ${e.id})`,
    e.aliases && e.aliases.length ? el("div", { class: "hint" }, `also: ${e.aliases.join(", ")}`) : null);
  return el("tr", {},
    el("td", {}, side(row.entity)), el("td", {}, side(row.candidate)),
    el("td", { class: "num" }, Number(row.score).toFixed(2)),
    el("td", { class: "hint" }, Array.isArray(row.reasons) ? row.reasons.join("; ") : String(row.reasons || "")),
    el("td", { class: "decide" }, row.status !== "open" ? row.status : [
      el("button", { type: "button", onclick: decide("merge") }, "Same"),
      el("button", { type: "button", onclick: decide("not_same") }, "Not the same"),
      el("button", { type: "button", onclick: decide("skip") }, "Skip")]));
}

export async function showReview(view) {
  const reviewer = el("input", { value: localStorage.getItem("linkchart.reviewer") || "",
    placeholder: "your name or initials", "aria-label": "Reviewer",
    onchange: (event) => localStorage.setItem("linkchart.reviewer", event.target.value.trim()) });
  const chosen = [null, null];
  const confirm = el("div", { class: "confirm" });
  const pick = (i) => (entity) => {
    chosen[i] = entity;
    clear(slots[i], el("b", {}, entity.name), ` (${label(entity.type)}, ${entity.id})`);
    clear(confirm);
    if (chosen[0] && chosen[1]) {
      confirm.append(judgeButton("merge", { entities: [chosen[0].id, chosen[1].id] },
        `Merge ${chosen[1].name} and ${chosen[0].name}`, `${chosen[1].name} and ${chosen[0].name} merged`));
    }
  };
  const slots = [el("div", { class: "hint" }, "—"), el("div", { class: "hint" }, "—")];
  const queue = el("tbody");
  const table = el("tbody");
  clear(view, el("div", { class: "page" },
    el("h1", {}, "Review"),
    el("p", { class: "hint" }, "Every decision is kept as a judgement with its author and time, apart from "
      + "machine output; the store applies it at once and again after every ingest. Reviewer: ", reviewer),
    el("div", { class: "card" }, el("h2", {}, "Possibly the same actor"),
      el("p", { class: "hint" }, "Pairs that entity resolution did not merge on its own, best score first."),
      el("table", { class: "grid" }, el("thead", {}, el("tr", {}, ["entry", "may be", "score", "why", ""].map((h) => el("th", {}, h)))), queue)),
    el("div", { class: "card" }, el("h2", {}, "Merge two entries"),
      el("div", { class: "merge-row" }, el("div", {}, picker("First entry…", pick(0)), slots[0]),
        el("div", {}, picker("Second entry…", pick(1)), slots[1])), confirm,
      el("p", { class: "hint" }, "Reject a link from its evidence panel; retype, rename or keep apart an actor from its own.")),
    el("div", { class: "card" }, el("h2", {}, "Judgements"),
      el("table", { class: "grid" }, el("thead", {}, el("tr", {}, ["#", "kind", "on", "state", "by", "when", ""].map((h) => el("th", {}, h)))), table))));
  const reload = () => showReview(view);
  try {
    const [candidates, judgements] = await Promise.all([api.review(), api.judgements()]);
    if (!candidates.length) queue.append(el("tr", {}, el("td", { colspan: 5, class: "hint" }, "nothing to review")));
    candidates.forEach((row) => queue.append(candidateRow(row, reload)));
    if (!judgements.length) table.append(el("tr", {}, el("td", { colspan: 7, class: "hint" }, "none yet")));
    judgements.slice().reverse().forEach((j) => table.append(el("tr", { class: `state-${j.status}` },
      el("td", {}, String(j.id)), el("td", {}, j.kind.replace("_", " ")), el("td", {}, payloadText(j)),
      el("td", {}, j.status || "recorded"), el("td", {}, j.author || "—"), el("td", {}, j.created_at),
      el("td", {}, ["withdrawn", "superseded"].includes(j.status) ? "" : el("button", { type: "button", class: "link",
        onclick: async () => { await api.withdraw(j.id); toast(`Judgement ${j.id} withdrawn.`); changed(); reload(); } }, "withdraw")))));
  } catch (error) {
    clear(queue, el("tr", {}, el("td", { colspan: 5, class: "error" }, error.message)));
  }
}
