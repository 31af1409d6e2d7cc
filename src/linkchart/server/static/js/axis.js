// A time axis that one very early or very late event does not squeeze: by default it
// spans the 5th to the 95th percentile of the dates, and the events outside are counted
// at its ends; "full range" shows them all.

const LOW = 0.05;
const HIGH = 0.95;

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (at - below);
}

// {low, high, before, after}: the axis's years and how many dates fall outside it.
export function axisRange(years, full = false) {
  const sorted = [...years].sort((a, b) => a - b);
  let low = Math.floor(full ? sorted[0] : quantile(sorted, LOW));
  let high = Math.ceil((full ? sorted[sorted.length - 1] : quantile(sorted, HIGH)) + 0.001);
  if (high - low < 1) high = low + 1;
  return { low, high, before: sorted.filter((y) => y < low).length,
    after: sorted.filter((y) => y > high).length };
}
