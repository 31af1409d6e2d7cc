// Layouts that give the same picture for the same chart: a seeded force layout, a
// hierarchy for chains of command (principals on top), rings round a focus, and the
// actors grouped by type or by cluster (densely tied groups), one patch each.

// Links whose source sits above its target: who leads, controls or backs whom.
const ABOVE = new Set(["leads", "controls", "supports"]);
const ROW = 130;
const COLUMN = 170;
const LOOSE_COLUMNS = 6;  // at least so many actors a row below the chains
const SPACING = 120;    // the force layout's ideal distance between linked actors
const GRAVITY = 0.05;   // keeps unlinked parts of the chart near the rest
const REACH = 4 * SPACING;  // actors farther apart no longer push (parts stay close)
const FORCE_STEPS = 300;
const COOLING = 0.985;

export const LAYOUTS = { force: "Force", hierarchy: "Hierarchy", concentric: "Concentric",
  type: "Grouped by type", cluster: "Grouped by cluster" };
const GROUP_GAP = 90;   // between two groups' patches
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

// The ties the layouts read: the chart's own links, not the bundles drawn over them.
const ties = (cy) => cy.edges().filter((e) => e.data("kind") !== "bundle");

// mulberry32: a small seeded generator (same chart, same start).
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// A Fruchterman-Reingold layout of our own: cose is not repeatable even with a seeded
// Math.random. Start on a seeded spiral, pull linked actors together, push all apart.
function forcePositions(cy) {
  const nodes = cy.nodes().sort((a, b) => a.id().localeCompare(b.id()));
  const index = new Map(nodes.map((n, i) => [n.id(), i]));
  const links = ties(cy).filter((e) => e.source().id() !== e.target().id())
    .map((e) => [index.get(e.source().id()), index.get(e.target().id())]);
  const count = nodes.length;
  const random = seeded(hash(nodes.map((n) => n.id()).join(" ") + "|" + links.join(" ")));
  const x = nodes.map((_, i) => Math.sqrt(i + 1) * Math.cos(i * 2.4) * SPACING + random());
  const y = nodes.map((_, i) => Math.sqrt(i + 1) * Math.sin(i * 2.4) * SPACING + random());
  let heat = SPACING * Math.sqrt(count);
  for (let step = 0; step < FORCE_STEPS; step += 1) {
    const dx = new Float64Array(count);
    const dy = new Float64Array(count);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        const ox = x[i] - x[j];
        const oy = y[i] - y[j];
        const d2 = Math.max(ox * ox + oy * oy, 1);
        if (d2 > REACH * REACH) continue;
        const push = (SPACING * SPACING) / d2;
        dx[i] += ox * push; dy[i] += oy * push; dx[j] -= ox * push; dy[j] -= oy * push;
      }
      dx[i] -= x[i] * GRAVITY; dy[i] -= y[i] * GRAVITY;
    }
    for (const [a, b] of links) {
      const ox = x[a] - x[b];
      const oy = y[a] - y[b];
      const pull = Math.sqrt(ox * ox + oy * oy) / SPACING;
      dx[a] -= ox * pull; dy[a] -= oy * pull; dx[b] += ox * pull; dy[b] += oy * pull;
    }
    for (let i = 0; i < count; i += 1) {
      const length = Math.max(Math.hypot(dx[i], dy[i]), 1e-9);
      const move = Math.min(length, heat);
      x[i] += (dx[i] / length) * move;
      y[i] += (dy[i] / length) * move;
    }
    heat *= COOLING;
  }
  return Object.fromEntries(nodes.map((n, i) => [n.id(), { x: x[i], y: y[i] }]));
}

function force(cy, fit) {
  const positions = forcePositions(cy);
  cy.layout({ name: "preset", positions: (n) => positions[n.id()], fit, padding: 30 }).run();
}

// Each actor's rank: one below the lowest of those above it (longest path from the top).
export function ranks(cy) {
  const ups = ties(cy).filter((e) => ABOVE.has(e.data("type")) && !e.data("negated")
    && e.data("kind") === "relation" && e.source().id() !== e.target().id());
  const rank = new Map();
  ups.connectedNodes().forEach((n) => rank.set(n.id(), 0));
  for (let pass = 0; pass < rank.size; pass += 1) {
    let moved = false;
    ups.forEach((e) => {
      const below = rank.get(e.source().id()) + 1;
      if (below > rank.get(e.target().id()) && below < rank.size) {
        rank.set(e.target().id(), below);
        moved = true;
      }
    });
    if (!moved) break;
  }
  return rank;
}

// The actors outside every chain go below them in rows of at most `columns`, so that a
// long row does not shrink the chart to unreadable at "Fit".
function wrapBottom(row, bottom, columns) {
  for (let start = 0; start < row.length; start += columns) {
    const part = row.slice(start, start + columns);
    const line = bottom + start / columns;
    part.forEach((n, i) => n.position({ x: (i - (part.length - 1) / 2) * COLUMN, y: line * ROW }));
  }
}

function hierarchy(cy, fit) {
  const rank = ranks(cy);
  const bottom = rank.size ? Math.max(...rank.values()) + 1 : 0;
  const rows = new Map();
  cy.nodes().forEach((n) => {
    const r = rank.has(n.id()) ? rank.get(n.id()) : bottom;
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r).push(n);
  });
  const x = new Map();
  [...rows.keys()].sort((a, b) => a - b).forEach((r) => {
    const row = rows.get(r);
    // under the actors above them, where they have some; by name otherwise
    const under = (n) => {
      const above = n.incomers("node").filter((m) => x.has(m.id())).map((m) => x.get(m.id()));
      return above.length ? above.reduce((a, b) => a + b, 0) / above.length : Infinity;
    };
    row.sort((a, b) => under(a) - under(b) || a.data("name").localeCompare(b.data("name"))
      || a.id().localeCompare(b.id()));
    row.forEach((n, i) => x.set(n.id(), (i - (row.length - 1) / 2) * COLUMN));
    row.forEach((n) => n.position({ x: x.get(n.id()), y: r * ROW }));
  });
  wrapBottom(rows.get(bottom) || [], bottom, Math.max(LOOSE_COLUMNS, ...[...rows.entries()]
    .filter(([r]) => r !== bottom).map(([, row]) => row.length)));
  if (fit) cy.fit(undefined, 40);
}

// Steps from the focus along any link; actors it does not reach go on the outer ring.
function distances(cy, focus) {
  const far = new Map([[focus.id(), 0]]);
  let ring = [focus];
  while (ring.length) {
    const next = [];
    ring.forEach((n) => n.neighborhood("node").forEach((m) => {
      if (!far.has(m.id())) { far.set(m.id(), far.get(n.id()) + 1); next.push(m); }
    }));
    ring = next;
  }
  return far;
}

function concentric(cy, fit, focus) {
  const centre = focus || cy.nodes().max((n) => n.degree()).ele;
  const far = distances(cy, centre);
  const outer = Math.max(0, ...far.values()) + 1;
  cy.layout({ name: "concentric", fit, padding: 30, animate: false, minNodeSpacing: 30,
    concentric: (n) => outer - (far.has(n.id()) ? far.get(n.id()) : outer),
    levelWidth: () => 1, sort: (a, b) => a.id().localeCompare(b.id()) }).run();
}

// Clusters by label propagation, in a fixed order (same chart, same groups): each actor
// takes the label most of its neighbours carry (the smallest on a tie) until none moves.
export function clusters(cy) {
  const nodes = cy.nodes().sort((a, b) => a.id().localeCompare(b.id()));
  const labelOf = new Map(nodes.map((n) => [n.id(), n.id()]));
  const neighbours = new Map(nodes.map((n) => [n.id(), []]));
  ties(cy).forEach((e) => {
    const [a, b] = [e.source().id(), e.target().id()];
    if (a === b) return;
    neighbours.get(a).push(b);
    neighbours.get(b).push(a);
  });
  for (let pass = 0; pass < 30; pass += 1) {
    let moved = false;
    nodes.forEach((n) => {
      const votes = new Map();
      neighbours.get(n.id()).forEach((m) => votes.set(labelOf.get(m), (votes.get(labelOf.get(m)) || 0) + 1));
      if (!votes.size) return;
      const most = Math.max(...votes.values());
      const best = [...votes.keys()].filter((k) => votes.get(k) === most).sort()[0];
      if (best !== labelOf.get(n.id()) && (votes.get(labelOf.get(n.id())) || 0) < most) {
        labelOf.set(n.id(), best);
        moved = true;
      }
    });
    if (!moved) break;
  }
  return labelOf;
}

// Each group a sunflower patch (its best-connected actors in the middle), the patches
// in rows, largest first.
// The chart's groups (by "type" or "cluster"): [[key, actors]], the largest first.
export function groupsOf(cy, by) {
  const labels = by === "type" ? new Map(cy.nodes().map((n) => [n.id(), n.data("type")])) : clusters(cy);
  const groups = new Map();
  cy.nodes().forEach((n) => {
    const key = labels.get(n.id());
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(n);
  });
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length
    || String(a[0]).localeCompare(String(b[0])));
}

function grouped(cy, fit, by) {
  const ordered = groupsOf(cy, by);
  const radius = (count) => 0.5 * SPACING * Math.sqrt(count) + 40;
  const rowWidth = Math.max(2 * radius(ordered[0][1].length),
    Math.sqrt(ordered.reduce((sum, [, g]) => sum + (2 * radius(g.length) + GROUP_GAP) ** 2, 0)));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  ordered.forEach(([, members]) => {
    const r = radius(members.length);
    if (x > 0 && x + 2 * r > rowWidth) { x = 0; y += rowHeight + GROUP_GAP; rowHeight = 0; }
    members.sort((a, b) => b.degree() - a.degree() || a.id().localeCompare(b.id()));
    members.forEach((n, i) => {
      const distance = 0.5 * SPACING * Math.sqrt(i);
      n.position({ x: x + r + distance * Math.cos(i * GOLDEN), y: y + r + distance * Math.sin(i * GOLDEN) });
    });
    x += 2 * r + GROUP_GAP;
    rowHeight = Math.max(rowHeight, 2 * r);
  });
  if (fit) cy.fit(undefined, 40);
}

export function runLayout(cy, kind, fit, focus = null) {
  if (!cy.nodes().length) return;
  if (kind === "hierarchy") hierarchy(cy, fit);
  else if (kind === "type" || kind === "cluster") grouped(cy, fit, kind);
  else if (kind === "concentric") concentric(cy, fit, focus);
  else force(cy, fit);
}
