// The chart as a standalone SVG: nodes, links, arrows and labels as drawn on screen.

const NS = "http://www.w3.org/2000/svg";

function node(tag, attrs, text) {
  const element = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function shapeOf(n) {
  const { x, y } = n.position();
  const w = n.width() / 2;
  const h = n.height() / 2;
  const fill = n.style("background-color");
  const stroke = n.style("border-color");
  const strokeWidth = parseFloat(n.style("border-width")) || 1;
  const common = { fill, stroke, "stroke-width": strokeWidth };
  const shape = n.style("shape");
  if (shape === "ellipse") return node("ellipse", { cx: x, cy: y, rx: w, ry: h, ...common });
  if (shape.includes("diamond")) {
    return node("polygon", { points: `${x},${y - h} ${x + w},${y} ${x},${y + h} ${x - w},${y}`, ...common });
  }
  return node("rect", { x: x - w, y: y - h, width: 2 * w, height: 2 * h, rx: 5, ...common });
}

function edgeOf(e, defs) {
  const colour = e.style("line-color");
  const width = parseFloat(e.style("width")) || 1;
  const group = node("g", { class: "edge" });
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const path = e.segmentPoints() || e.controlPoints();
  const d = path && path.length
    ? `M${s.x},${s.y} Q${path[0].x},${path[0].y} ${t.x},${t.y}`
    : `M${s.x},${s.y} L${t.x},${t.y}`;
  const attrs = { d, fill: "none", stroke: colour, "stroke-width": width };
  const style = e.style("line-style");
  if (style === "dashed") attrs["stroke-dasharray"] = "6 4";
  if (style === "dotted") attrs["stroke-dasharray"] = "2 3";
  if (e.data("directed")) {
    const id = `arrow-${colour.replace(/[^a-z0-9]/gi, "")}`;
    if (!defs.querySelector(`#${id}`)) {
      const marker = node("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerUnits: "userSpaceOnUse",
        markerWidth: 9, markerHeight: 9, orient: "auto-start-reverse" });
      marker.append(node("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }));
      defs.append(marker);
    }
    attrs["marker-end"] = `url(#${id})`;
  }
  group.append(node("path", attrs));
  const mid = e.midpoint();
  group.append(node("text", { x: mid.x, y: mid.y - 3, "text-anchor": "middle", "font-size": 9,
    fill: e.style("color") }, e.data("label")));
  return group;
}

export function svgOf(cy) {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const svg = node("svg", { xmlns: NS, width: Math.ceil(box.w + 2 * pad), height: Math.ceil(box.h + 2 * pad),
    viewBox: `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`,
    "font-family": "Helvetica, Arial, sans-serif" });
  const defs = node("defs", {});
  svg.append(defs);
  svg.append(node("rect", { x: box.x1 - pad, y: box.y1 - pad, width: box.w + 2 * pad,
    height: box.h + 2 * pad, fill: "#ffffff" }));
  cy.edges().forEach((e) => svg.append(edgeOf(e, defs)));
  cy.nodes().forEach((n) => {
    const group = node("g", { class: "node" });
    group.append(node("title", {}, `${n.data("name")} (${n.data("type")})`));
    group.append(shapeOf(n));
    group.append(node("text", { x: n.position().x, y: n.position().y + n.height() / 2 + 13,
      "text-anchor": "middle", "font-size": 11, fill: "#1d232b",
      "font-weight": n.data("asked") ? "bold" : "normal" }, n.data("name")));
    svg.append(group);
  });
  return new XMLSerializer().serializeToString(svg);
}
