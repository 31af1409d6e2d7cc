// Search-as-you-type over entity names, aliases and acronyms.
import { api } from "./api.js";
import { clear, el, typeChip } from "./dom.js";

export function searchBox(input, list, onPick, typeSelect = null) {
  let timer = null;
  let active = -1;
  let found = [];
  let asked = 0;
  let shownFor = null;

  const close = () => { list.hidden = true; active = -1; };
  const pick = (entity) => { close(); input.value = ""; onPick(entity); };

  function render() {
    clear(list);
    if (!found.length) {
      list.append(el("li", { class: "none" }, "no actor by that name"));
    }
    found.forEach((entity, index) => {
      const aliases = (entity.aliases || []).slice(0, 4).join(", ");
      list.append(el("li", {
        role: "option", class: index === active ? "active" : "", dataset: { id: entity.id },
        onmousedown: (event) => { event.preventDefault(); pick(entity); },
      },
      el("span", { class: "name" }, entity.name), typeChip(entity.type),
      el("span", { class: "meta" }, `${entity.documents} doc${entity.documents === 1 ? "" : "s"}`
        + (entity.relations ? ` · ${entity.relations} ties` : "")),
      aliases ? el("div", { class: "aliases" }, `also: ${aliases}`) : null));
    });
    list.hidden = false;
  }

  async function lookup() {
    const q = input.value.trim();
    if (!q) { close(); shownFor = null; return; }
    const ticket = ++asked;
    try {
      const results = await api.search(q, typeSelect ? typeSelect.value : "", 12);
      if (ticket !== asked) return;
      found = results;
      shownFor = q;
      active = found.length ? 0 : -1;
      render();
    } catch (error) {
      found = [];
      close();
    }
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  if (typeSelect) typeSelect.addEventListener("change", lookup);
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", async (event) => {
    if (event.key === "Escape") { close(); return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!found.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + found.length) % found.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      if (shownFor !== input.value.trim()) await lookup();
      if (found[Math.max(active, 0)]) pick(found[Math.max(active, 0)]);
    }
  });
}
