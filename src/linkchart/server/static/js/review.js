// Review actions (merge, retype, reject) and the list of judgements recorded so far.
// Judgements are kept apart from machine output; entity resolution re-applies them.
import { api } from "./api.js";
import { $, clear, el, label, toast, TYPE_COLOURS } from "./dom.js";
import { searchBox } from "./search.js";

const author = () => localStorage.getItem("linkchart.reviewer") || null;

async function judge(kind, payload, done) {
  try {
    const result = await api.judge(kind, payload, author());
    toast(result.applied ? `${done}.` : `${done}; it takes effect when resolution re-applies judgements.`);
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
    if (await judge(kind, payload, done)) button.textContent = "Recorded";
    else { button.disabled = false; armed = false; button.textContent = text; }
  });
  return button;
}

export function mergePicker(card) {
  const input = el("input", { type: "search", placeholder: `Merge another actor into ${card.name}…`,
    "aria-label": "Actor to merge", autocomplete: "off" });
  const list = el("ul", { class: "dropdown", role: "listbox", hidden: true });
  const confirm = el("div", { class: "confirm" });
  searchBox(input, list, (other) => {
    if (other.id === card.id) { toast("That is the same actor.", "error"); return; }
    clear(confirm, el("p", {}, `Same actor: “${other.name}” (${label(other.type)}, ${other.id}) `
      + `is “${card.name}”?`), judgeButton("merge", { entities: [card.id, other.id] },
      "Record merge", `Recorded: ${other.name} is ${card.name}`));
  });
  return el("div", { class: "merge" }, el("label", {}, "Merge"),
    el("div", { class: "search" }, input, list), confirm);
}

export function retypePicker(card) {
  const select = el("select", { "aria-label": "New type" },
    Object.keys(TYPE_COLOURS).map((type) => el("option", { value: type, selected: type === card.type }, label(type))));
  const button = el("button", { type: "button" }, "Retype");
  button.addEventListener("click", async () => {
    if (select.value === card.type) { toast("That is its type already."); return; }
    await judge("retype", { entity: card.id, type: select.value },
      `Recorded: ${card.name} is a ${label(select.value)}`);
  });
  return el("div", { class: "retype" }, el("label", {}, "Type"), select, button);
}

function payloadText(payload) {
  return Object.entries(payload).map(([key, value]) =>
    `${key}: ${Array.isArray(value) ? value.join(", ") : value}`).join("; ");
}

export async function showReview(view) {
  const reviewer = el("input", { value: author() || "", placeholder: "your name or initials",
    "aria-label": "Reviewer", onchange: (event) => localStorage.setItem("linkchart.reviewer", event.target.value.trim()) });
  const first = el("input", { type: "search", placeholder: "Actor to keep…", autocomplete: "off" });
  const second = el("input", { type: "search", placeholder: "Actor that is the same…", autocomplete: "off" });
  const lists = [el("ul", { class: "dropdown", hidden: true }), el("ul", { class: "dropdown", hidden: true })];
  const chosen = [null, null];
  const confirm = el("div", { class: "confirm" });
  const update = () => {
    clear(confirm);
    if (chosen[0] && chosen[1]) {
      confirm.append(judgeButton("merge", { entities: [chosen[0].id, chosen[1].id] },
        `Merge ${chosen[1].name} into ${chosen[0].name}`, `Recorded: ${chosen[1].name} is ${chosen[0].name}`));
    }
  };
  [first, second].forEach((input, i) => searchBox(input, lists[i], (entity) => {
    chosen[i] = entity;
    input.placeholder = `${entity.name} (${label(entity.type)}, ${entity.id})`;
    update();
  }));
  const table = el("tbody");
  clear(view, el("div", { class: "page" },
    el("h1", {}, "Review"),
    el("p", { id: "review-status", class: "hint" }),
    el("div", { class: "card" }, el("h2", {}, "Merge two actors"),
      el("p", { class: "hint" }, "Reviewer: ", reviewer),
      el("div", { class: "merge-row" }, el("div", { class: "search" }, first, lists[0]),
        el("div", { class: "search" }, second, lists[1])), confirm,
      el("p", { class: "hint" }, "Reject a link from its evidence panel; retype or merge an actor from its own.")),
    el("div", { class: "card" }, el("h2", {}, "Judgements recorded"),
      el("table", { class: "grid" }, el("thead", {}, el("tr", {}, ["#", "kind", "what", "by", "when"].map((h) => el("th", {}, h)))), table))));
  try {
    const { judgements, applied } = await api.judgements();
    $("#review-status").textContent = applied
      ? "Judgements are applied to the chart as soon as they are recorded."
      : "Judgements are recorded in the store, kept apart from machine output; entity resolution applies them on its next run.";
    if (!judgements.length) table.append(el("tr", {}, el("td", { colspan: 5, class: "hint" }, "none yet")));
    judgements.slice().reverse().forEach((j) => table.append(el("tr", {},
      el("td", {}, String(j.id)), el("td", {}, j.kind), el("td", {}, payloadText(j.payload)),
      el("td", {}, j.author || "—"), el("td", {}, j.created_at))));
  } catch (error) {
    $("#review-status").textContent = `could not load judgements: ${error.message}`;
  }
}
