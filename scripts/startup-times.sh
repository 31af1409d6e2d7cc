#!/bin/bash
# Start-up of the commands that do not extract (docs/performance.md, "Start-up"): the
# medians of 5 runs of each, on a store you name, of the wall time and of the processor
# time (user + system, /usr/bin/time -f "%e %U %S"), which a busy machine inflates less;
# and `serve` from the command to its first answer (linkchart.server.bench --startup).
#   scripts/startup-times.sh STORE [PYTHON]    e.g. scripts/startup-times.sh /tmp/su59.db
# PYTHON defaults to python3; put the sources to time first on PYTHONPATH. The exports
# that place events read the gazetteer's index from LINKCHART_CACHE (built by the first
# run that needs it: run the script twice, or export once, to time a warm start).
store=${1:?usage: startup-times.sh STORE [PYTHON]}
python=${2:-python3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
medians() {
  local walls=() cpus=() wall user system
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null 2>&1
    read -r wall user system < <(tail -n 1 "$out")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')")
  done
  printf '%5s %5s' "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)" \
    "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 3p)"
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-48s %5s %5s\n' "linkchart ..." wall cpu
while IFS= read -r args; do
  # shellcheck disable=SC2086
  printf '%-48s %s\n' "$args" "$(medians "$python" -m linkchart $args)"
done <<LIST
--help
stats --db $store
entities --db $store
entities --search iran --db $store
events --db $store
show Iran --db $store
judgements list --db $store
review --db $store
packs list
export --format json --db $store --out /dev/null
analyze chains --db $store
analyze principals --entity E13 --db $store
analyze directives --db $store
analyze fronts --db $store
analyze contradictions --db $store
analyze brokers --db $store
analyze sourcing --db $store
analyze chains --from 2015 --to 2020 --db $store
analyze brokers --from 2015 --db $store
analyze sourcing --from 2017 --db $store
export --format ftm --db $store --out /dev/null
export --format plover --db $store --out /dev/null
export --format acled --db $store --out /dev/null
LIST
printf '%-48s %s\n' "serve (to its first answer)" "$("$python" -m linkchart.server.bench \
  --db "$store" --startup --json | "$python" -c 'import json, sys; found = json.load(sys.stdin)
print("%5.2f %5.2f" % (found["first_answer_ms"] / 1000, found["processor_ms"] / 1000))')"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
