// The relation types as the catalogue gives them (catalogue.yaml, served by /api/types):
// the words each is shown with and the colour its links are drawn in. Loaded once,
// before any view draws; the UI keeps no copy of its own.
import { api } from "./api.js";
import { label } from "./dom.js";

const PLAIN = "#7b8794";  // a link whose type the catalogue does not know
let relations = new Map();
let loading = null;

// The answer of /api/types, read once (later calls share it).
export function loadCatalogue() {
  if (!loading) {
    loading = api.types().then((types) => {
      relations = new Map(types.relations.map((r) => [r.type, r]));
      return types;
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

export const relationLabel = (type) => (relations.get(type) || {}).label || label(type);
export const relationColour = (type) => (relations.get(type) || {}).colour || PLAIN;
export const relationTypes = () => [...relations.keys()];

// A small line in a relation type's colour, for the filters and the legend.
export function relationSwatch(type) {
  const swatch = document.createElement("i");
  swatch.className = "line-swatch";
  swatch.style.backgroundColor = relationColour(type);
  return swatch;
}
