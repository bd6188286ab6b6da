#!/usr/bin/env bash
# Whole-process allocation check that needs no profiler (DESIGN.md): two generated captures with the
# same flows, one with ten times the packets; weir runs on each under the Epsilon collector, which
# never frees, so the heap "used" it reports at exit is everything the run allocated. The difference
# divided by the extra packets is the allocation per packet (goal: under one byte).
#
# Environment (defaults in brackets):
#   ALLOC_SMALL_PACKETS [200000]  ALLOC_LARGE_PACKETS [2000000]  ALLOC_FLOWS [20000]  ALLOC_SEED [1]
#   ALLOC_REPS [3]        runs per capture; the median "used" is taken
#   ALLOC_OUTPUT ['json;file=/dev/null']   weir's -o
#   GENPCAP               as in run.sh
# Exit status 1 when the flow counts of the two runs differ (the figure would then mix in per-flow costs).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

small_packets=${ALLOC_SMALL_PACKETS:-200000}
large_packets=${ALLOC_LARGE_PACKETS:-2000000}
flows=${ALLOC_FLOWS:-20000}
seed=${ALLOC_SEED:-1}
reps=${ALLOC_REPS:-3}
output=${ALLOC_OUTPUT:-json;file=/dev/null}
weir="$root_dir/weir"
dir="$out_dir/alloc"
mkdir -p "$dir"

small=$(capture "$small_packets" "$flows" "$seed")
large=$(capture "$large_packets" "$flows" "$seed")
"$weir" --version >/dev/null   # builds when needed, outside the measured runs

# used_bytes LOG: the heap "used" Epsilon reports at exit, in bytes. The gc+heap+exit report gives the
# allocation space as [bottom, top, end): top - bottom is exact. The gc line ("Heap: ... used") rounds
# to the unit it prints (M once the heap is large) and is only the fallback.
used_bytes()
{
    python3 - "$1" <<'EOF'
import re, sys
units = {'B': 1, 'K': 1024, 'M': 1024 ** 2, 'G': 1024 ** 3}
exact = rough = None
for line in open(sys.argv[1]):
    m = re.search(r'space \d+[KMG]?, +\d+% used \[(0x[0-9a-f]+), (0x[0-9a-f]+), (0x[0-9a-f]+)\)', line)
    if m:
        exact = int(m.group(2), 16) - int(m.group(1), 16)
    m = re.search(r'Heap: .*committed, (\d+(?:\.\d+)?)([BKMG]) \([\d.]+%\) used', line)
    if m:
        rough = float(m.group(1)) * units[m.group(2)]
value = exact if exact is not None else rough
if value is None:
    sys.exit("no Epsilon heap report in " + sys.argv[1])
print(int(value))
EOF
}

# run_one NAME CAPTURE REP: runs weir under Epsilon; prints "used_bytes flows_created".
run_one()
{
    local name=$1 cap=$2 rep=$3
    local gclog="$dir/gc-$name-$rep.log" summary="$dir/summary-$name-$rep.txt"
    rm -f "$gclog"
    JAVA_TOOL_OPTIONS="-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx8g -Xlog:gc,gc+heap+exit:file=$gclog" \
        "$weir" -o "$output" "$cap" >"$dir/stdout-$name-$rep.txt" 2>"$summary" || die "weir failed: $summary"
    local created
    created=$(sed -n 's/.* \([0-9][0-9]*\) flows created.*/\1/p' "$summary")
    [[ -n $created ]] || die "no flow count in $summary"
    echo "$(used_bytes "$gclog") $created"
}

median()
{
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

declare -a small_used large_used
small_flows="" large_flows=""
for ((rep = 1; rep <= reps; rep++)); do
    read -r used created < <(run_one small "$small" "$rep")
    small_used+=("$used"); small_flows+="$created "
    read -r used created < <(run_one large "$large" "$rep")
    large_used+=("$used"); large_flows+="$created "
    log "run $rep: small ${small_used[-1]} B used, large ${large_used[-1]} B used"
done
small_median=$(printf '%s\n' "${small_used[@]}" | median)
large_median=$(printf '%s\n' "${large_used[@]}" | median)
small_count=$(packet_count "$small" "$small_packets")
large_count=$(packet_count "$large" "$large_packets")
read -r -a sf <<<"$small_flows"
read -r -a lf <<<"$large_flows"

report="$out_dir/alloc-check.md"
{
    echo "Allocation check (Epsilon GC, heap used at exit, median of $reps runs; weir -o '$output'):"
    echo
    echo "| capture | packets | flows created | heap used at exit (bytes) |"
    echo "|---|---|---|---|"
    echo "| $(basename "$small") | $small_count | ${sf[0]} | $small_median (runs: ${small_used[*]}) |"
    echo "| $(basename "$large") | $large_count | ${lf[0]} | $large_median (runs: ${large_used[*]}) |"
    echo
    python3 -c "
import sys
s, l, sp, lp = map(int, sys.argv[1:])
print(f'Allocated per extra packet: ({l} - {s}) / ({lp} - {sp}) = {(l - s) / (lp - sp):.3f} bytes (goal: under 1).')
" "$small_median" "$large_median" "$small_count" "$large_count"
} | tee "$report"

if [[ ${sf[0]} != "${lf[0]}" ]]; then
    echo "bench: the two captures gave different flow counts (${sf[0]} vs ${lf[0]}): the figure mixes in per-flow allocation" >&2
    exit 1
fi
