// Side panels that fold away, so that the chart gets the width on a small screen; the
// choice is kept in the browser.
import { $, el } from "./dom.js";

const SIDES = [["filters", "no-filters", "Filters"], ["panel", "no-panel", "Evidence"]];
let widened = () => {};  // told how many pixels wider the chart became (negative: narrower)

function toggle(view, cls, button, name) {
  const before = $("#cy").clientWidth;
  const folded = view.classList.toggle(cls);
  localStorage.setItem(`linkchart.${cls}`, folded ? "1" : "");
  button.textContent = folded ? `Show ${name.toLowerCase()}` : `Hide ${name.toLowerCase()}`;
  button.setAttribute("aria-pressed", String(folded));
  window.dispatchEvent(new Event("resize"));  // the chart takes the room
  widened($("#cy").clientWidth - before);
}

// `onWiden(pixels)`: the chart's canvas grew (or shrank) by so much.
export function initPanels(onWiden = () => {}) {
  widened = onWiden;
  const view = $("#view-chart");
  const bar = el("div", { class: "fold-bar" });
  for (const [side, cls, name] of SIDES) {
    const button = el("button", { type: "button", id: `fold-${side}`, "aria-pressed": "false" }, `Hide ${name.toLowerCase()}`);
    button.addEventListener("click", () => toggle(view, cls, button, name));
    bar.append(button);
    if (localStorage.getItem(`linkchart.${cls}`)) toggle(view, cls, button, name);
  }
  $("#view-chart .canvas").append(bar);
}
