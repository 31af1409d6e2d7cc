// The chart as a standalone SVG or PNG: nodes, links, arrows and labels as drawn on
// screen, framed by a title, the date, the filters, a legend and the sources.
import { frameItems } from "./frame.js";

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
  if (e.data("hand_made")) {  // drawn on screen with an outline (line-outline-color)
    group.append(node("path", { d, fill: "none", class: "hand-made", stroke: e.style("line-outline-color"),
      "stroke-width": width + 2 * (parseFloat(e.style("line-outline-width")) || 2) }));
  }
  group.append(node("path", attrs));
  const mid = e.midpoint();
  group.append(node("text", { x: mid.x, y: mid.y - 3, "text-anchor": "middle", "font-size": 9,
    fill: e.style("color") }, e.data("label")));
  return group;
}

const TAG_SIZE = 12;
const TAG_COLOUR = "#3a4350";

// How far the group names (frame.groups, chart coordinates) reach above and beside `box`.
function tagReach(groups, box) {
  const top = Math.min(box.y1, ...groups.map((g) => g.y - TAG_SIZE - 2));
  const half = (g) => (g.text.length * TAG_SIZE * 0.56) / 2;
  return { top: box.y1 - top, left: Math.max(0, ...groups.map((g) => box.x1 - (g.x - half(g)))),
    right: Math.max(0, ...groups.map((g) => g.x + half(g) - box.x2)) };
}

function frameElement(item) {
  if (item.kind === "text") {
    return node("text", { x: item.x, y: item.y, "font-size": item.size, fill: item.colour || "#1d232b",
      "font-weight": item.bold ? "bold" : "normal" }, item.text);
  }
  if (item.kind === "line") {
    const attrs = { x1: item.x1, y1: item.y, x2: item.x2, y2: item.y, stroke: item.colour, "stroke-width": item.width };
    if (item.dash) attrs["stroke-dasharray"] = item.dash.join(" ");
    return node("line", attrs);
  }
  const r = item.size / 2;
  const common = { fill: item.colour, stroke: "#4a5360", "stroke-width": 1 };
  if (item.dash) common["stroke-dasharray"] = item.dash.join(" ");
  if (item.shape === "ellipse") return node("circle", { cx: item.x, cy: item.y, r, ...common });
  if (item.shape.includes("diamond")) {
    return node("polygon", { points: `${item.x},${item.y - r} ${item.x + r},${item.y} ${item.x},${item.y + r} ${item.x - r},${item.y}`, ...common });
  }
  return node("rect", { x: item.x - r, y: item.y - r, width: 2 * r, height: 2 * r, rx: 3, ...common });
}

// `frame` (frame.js): title, date, filters, legend and sources round the chart.
export function svgOf(cy, frame) {
  const drawn = cy.elements(":visible").boundingBox({ includeLabels: true });
  const groups = frame.groups || [];
  const reach = tagReach(groups, drawn);
  const box = { x1: drawn.x1 - reach.left, y1: drawn.y1 - reach.top, w: drawn.w + reach.left + reach.right,
    h: drawn.h + reach.top };
  const pad = 20;
  const width = Math.max(box.w + 2 * pad, 720);
  const { head, foot, items } = frameItems(frame, width);
  const height = head + box.h + 2 * pad + foot;
  const left = box.x1 - pad - (width - box.w - 2 * pad) / 2;
  const top = box.y1 - pad - head;
  const svg = node("svg", { xmlns: NS, width: Math.ceil(width), height: Math.ceil(height),
    viewBox: `${left} ${top} ${width} ${height}`, "font-family": "Helvetica, Arial, sans-serif" });
  const defs = node("defs", {});
  svg.append(defs);
  svg.append(node("rect", { x: left, y: top, width, height, fill: "#ffffff" }));
  cy.edges(":visible").forEach((e) => svg.append(edgeOf(e, defs)));
  cy.nodes(":visible").forEach((n) => {
    const group = node("g", { class: "node" });
    group.append(node("title", {}, `${n.data("name")} (${n.data("type")})`));
    const shape = shapeOf(n);
    if (n.data("hand_made")) shape.setAttribute("stroke-dasharray", "4 2");
    group.append(shape);
    group.append(node("text", { x: n.position().x, y: n.position().y + n.height() / 2 + 13,
      "text-anchor": "middle", "font-size": 11, fill: "#1d232b",
      "font-weight": n.data("asked") ? "bold" : "normal" }, n.data("label") || n.data("name")));
    svg.append(group);
  });
  groups.forEach((g) => svg.append(node("text", { class: "group-name", x: g.x, y: g.y, "text-anchor": "middle",
    "font-size": TAG_SIZE, "font-weight": "bold", fill: TAG_COLOUR }, g.text)));
  const framing = node("g", { class: "frame", transform: `translate(${left} ${top})` });
  items(box.h + 2 * pad).forEach((item) => framing.append(frameElement(item)));
  svg.append(framing);
  return new XMLSerializer().serializeToString(svg);
}

function paint(context, item) {
  context.save();
  if (item.kind === "text") {
    context.font = `${item.bold ? "bold " : ""}${item.size}px Helvetica, Arial, sans-serif`;
    context.fillStyle = item.colour || "#1d232b";
    context.textAlign = item.centre ? "center" : "start";
    context.fillText(item.text, item.x, item.y);
  } else {
    context.setLineDash(item.dash || []);
    context.strokeStyle = item.kind === "line" ? item.colour : "#4a5360";
    context.lineWidth = item.kind === "line" ? item.width : 1;
    context.beginPath();
    if (item.kind === "line") {
      context.moveTo(item.x1, item.y);
      context.lineTo(item.x2, item.y);
    } else {
      const r = item.size / 2;
      if (item.shape === "ellipse") context.arc(item.x, item.y, r, 0, 2 * Math.PI);
      else if (item.shape.includes("diamond")) {
        context.moveTo(item.x, item.y - r); context.lineTo(item.x + r, item.y);
        context.lineTo(item.x, item.y + r); context.lineTo(item.x - r, item.y); context.closePath();
      } else context.rect(item.x - r, item.y - r, 2 * r, 2 * r);
      context.fillStyle = item.colour;
      context.fill();
    }
    context.stroke();
  }
  context.restore();
}

// The chart as Cytoscape draws it (scale 2), with the same frame drawn round it.
export async function pngOf(cy, frame) {
  const scale = 2;
  const image = new Image();
  image.src = cy.png({ output: "base64uri", full: true, scale, bg: "#ffffff" });
  await image.decode();
  const chartWidth = image.width / scale;
  const box = cy.elements().boundingBox();  // what cy.png({ full: true }) draws
  const groups = frame.groups || [];
  const above = tagReach(groups, box).top;
  const chartHeight = image.height / scale + above;
  const width = Math.max(chartWidth, 720);
  const { head, foot, items } = frameItems(frame, width);
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((head + chartHeight + foot) * scale);
  const context = canvas.getContext("2d");
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, head + chartHeight + foot);
  const left = (width - chartWidth) / 2;
  context.drawImage(image, left, head + above, chartWidth, image.height / scale);
  groups.forEach((g) => paint(context, { kind: "text", x: left + g.x - box.x1, y: head + above + g.y - box.y1,
    size: TAG_SIZE, bold: true, colour: TAG_COLOUR, text: g.text, centre: true }));
  items(chartHeight).forEach((item) => paint(context, item));
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}
