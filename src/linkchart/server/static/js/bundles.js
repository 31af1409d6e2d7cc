// Parallel ties bundled: where one pair of actors has several links (a relation each
// way, an alliance and an attack...), one link is drawn with "3 ties"; a click opens the
// pair, and its ties are drawn one by one again. Bundled ties stay in the chart, hidden.

let on = true;
const opened = new Set();

export const pairKey = (e) => [e.source().id(), e.target().id()].sort().join("|");
export const isBundle = (e) => e.data("kind") === "bundle";
export const bundleState = () => ({ on, opened: [...opened].sort() });

export function setBundles(state) {
  on = state ? state.on !== false : true;
  opened.clear();
  ((state && state.opened) || []).forEach((key) => opened.add(key));
}

export function bundlesOn(value) {
  on = value;
  if (on) opened.clear();
}

export function openPair(key) {
  opened.add(key);
}

// Draw each pair with several ties (not opened) as one bundle link.
export function bundle(cy) {
  cy.batch(() => {
    cy.edges("[kind = 'bundle']").remove();
    cy.edges(".bundled").removeClass("bundled");
    if (!on) return;
    const pairs = new Map();
    cy.edges().forEach((e) => {
      if (e.source().id() === e.target().id()) return;
      const key = pairKey(e);
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(e);
    });
    for (const [key, ties] of pairs) {
      if (ties.length < 2 || opened.has(key)) continue;
      ties.forEach((e) => e.addClass("bundled"));
      const [source, target] = key.split("|");
      cy.add({ group: "edges", data: { id: `bundle:${key}`, source, target, kind: "bundle",
        type: "bundle", label: `${ties.length} ties`, count: ties.length,
        sources: Math.max(...ties.map((e) => e.data("sources") || 1)),
        weak: ties.every((e) => e.data("weak")), members: ties.map((e) => e.id()) } });
    }
  });
}

// Open the pairs that hold any of these ties (a path drawn through them).
export function openTies(cy, ids) {
  ids.forEach((id) => {
    const e = cy.getElementById(id);
    if (e.nonempty()) opened.add(pairKey(e));
  });
}
