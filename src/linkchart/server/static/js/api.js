// Calls to the server's own REST API (same origin; a token travels in its cookie).

export class ApiError extends Error {
  constructor(status, detail) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.status = status;
  }
}

async function request(path, params, options = {}) {
  const query = params ? new URLSearchParams(params).toString() : "";
  const response = await fetch(query ? `${path}?${query}` : path, {
    credentials: "same-origin",
    headers: { Accept: "application/json", ...(options.headers || {}) },
    ...options,
  });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

const id = (value) => encodeURIComponent(value);

const send = (method, path, body) => request(path, null, {
  method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

export const api = {
  types: () => request("/api/types"),
  overview: (top = 12) => request("/api/overview", { top }),
  search: (q, type, limit = 12) => {
    const params = { q, limit };
    if (type) params.type = type;
    return request("/api/entities", params);
  },
  entities: (type, limit = 50) => request("/api/entities", type ? { type, limit } : { limit }),
  entity: (entityId) => request(`/api/entities/${id(entityId)}`),
  neighbourhood: (entityId, params) => request(`/api/entities/${id(entityId)}/neighbourhood`, params),
  graph: (params) => request("/api/graph", params),
  edge: (edgeId, params) => request(`/api/edges/${id(edgeId)}`, params),
  events: (params) => request("/api/events", params),
  documents: (q, limit = 50) => request("/api/documents", q ? { q, limit } : { limit }),
  document: (docId) => request(`/api/documents/${id(docId)}`),
  judgements: () => request("/api/judgements"),
  judge: (kind, payload, author = null) => request("/api/judgements", null, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ kind, payload, author }),
  }),
  withdraw: (judgementId) => fetch(`/api/judgements/${id(judgementId)}`, {
    method: "DELETE", credentials: "same-origin" }),
  review: (status = "open", limit = 50) => request("/api/review", { status, limit }),
  decide: (reviewId, decision, author = null) => request(`/api/review/${id(reviewId)}`, null, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ decision, author }),
  }),
  analysis: (kind, params) => request(`/api/analysis/${id(kind)}`, params),
  workspaces: () => request("/api/workspaces"),
  workspace: (workspaceId) => request(`/api/workspaces/${id(workspaceId)}`),
  saveWorkspace: (body) => send("POST", "/api/workspaces", body),
  importWorkspace: (file) => send("POST", "/api/workspaces/import", file),
  changeWorkspace: (workspaceId, body) => send("PATCH", `/api/workspaces/${id(workspaceId)}`, body),
  duplicateWorkspace: (workspaceId, body) => send("POST", `/api/workspaces/${id(workspaceId)}/duplicate`, body),
  deleteWorkspace: (workspaceId) => fetch(`/api/workspaces/${id(workspaceId)}`, {
    method: "DELETE", credentials: "same-origin" }),
  workspaceExportUrl: (workspaceId) => `/api/workspaces/${id(workspaceId)}/export`,
  notes: () => request("/api/notes"),
  paths: (params) => request("/api/paths", params),
  map: (params) => request("/api/map", params),
  note: (on, target, text, author = null) => send("POST", "/api/notes", { on, target: String(target), text, author }),
  chartView: (params) => {
    const query = new URLSearchParams(params);
    query.set("format", "json");
    return request("/api/export", query);
  },
  exportUrl: (params, format) => {
    const query = new URLSearchParams(params);
    query.set("format", format);
    return `/api/export?${query}`;
  },
};
