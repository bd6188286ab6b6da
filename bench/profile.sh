#!/usr/bin/env bash
# Profiles one whole-process weir run with Java Flight Recorder (settings=profile) and lists
#   - the hot methods: jdk.ExecutionSample counted by top frame, per thread and overall;
#   - the allocation sites: jdk.ObjectAllocationSample weighted by bytes, by top frame and by the
#     first weir frame (with the allocated class), per thread.
# The recording stays in bench/out/profile/weir.jfr (open it in JDK Mission Control for more).
#
# Environment (defaults in brackets):
#   BENCH_PACKETS [10000000]  BENCH_FLOWS [1000000]  BENCH_SEED [1]  BENCH_CAPTURE   as in run.sh
#   PROFILE_OUTPUT ['json;file=/dev/null']  weir's -o
#   PROFILE_SETTINGS [profile]              JFR settings (a name or a .jfc path)
#   PROFILE_SAMPLE_MS [1]                   Java execution sampling period; profile's own 10 ms gives
#                                           only ~300 samples on a 3 s run (empty: keep the settings' period)
#   PROFILE_TOP [10]                        rows per table
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

packets=${BENCH_PACKETS:-10000000}
flows=${BENCH_FLOWS:-1000000}
seed=${BENCH_SEED:-1}
output=${PROFILE_OUTPUT:-json;file=/dev/null}
settings=${PROFILE_SETTINGS:-profile}
top=${PROFILE_TOP:-10}
cap=${BENCH_CAPTURE:-$(capture "$packets" "$flows" "$seed")}
weir="$root_dir/weir"
dir="$out_dir/profile"
mkdir -p "$dir"
jfr_tool=jfr
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/jfr ]]; then
    jfr_tool="$JAVA_HOME/bin/jfr"
fi
command -v "$jfr_tool" >/dev/null 2>&1 || die "the jfr tool (JDK) is needed"

"$weir" --version >/dev/null   # builds when needed, outside the recording
cat "$cap" >/dev/null
sample_ms=${PROFILE_SAMPLE_MS-1}
if [[ -n $sample_ms && $settings == profile ]]; then
    java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
    sed "s|<setting name=\"period\" control=\"method-sampling-java-interval\">[^<]*<|<setting name=\"period\" control=\"method-sampling-java-interval\">$sample_ms ms<|" \
        "$java_home/lib/jfr/profile.jfc" >"$dir/profile-${sample_ms}ms.jfc"
    settings="$dir/profile-${sample_ms}ms.jfc"
fi
recording="$dir/weir.jfr"
rm -f "$recording"
log "recording $recording"
JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=filename=$recording,settings=$settings" \
    "$weir" -o "$output" "$cap" 2>"$dir/summary.txt" || die "weir failed: $dir/summary.txt"
grep -v '^Picked up\|Started recording\|Use jcmd\|^$' "$dir/summary.txt" >&2 || true

"$jfr_tool" summary "$recording" >"$dir/summary-jfr.txt"
"$jfr_tool" print --json --stack-depth 64 --events jdk.ExecutionSample "$recording" >"$dir/execution-samples.json"
"$jfr_tool" print --json --stack-depth 64 --events jdk.ObjectAllocationSample "$recording" >"$dir/allocation-samples.json"

python3 - "$dir" "$top" <<'EOF' | tee "$dir/profile.md"
import collections, json, sys

directory, top = sys.argv[1], int(sys.argv[2])

def events(name):
    return json.load(open(f"{directory}/{name}"))["recording"]["events"]

def frame_name(frame):
    method = frame["method"]
    return f'{method["type"]["name"].replace("/", ".")}.{method["name"]}'

def frame_line(frame):
    return f'{frame_name(frame)}:{frame.get("lineNumber", "?")}'

def thread_of(event):
    thread = event["values"].get("sampledThread") or event["values"].get("eventThread") or {}
    return thread.get("javaName") or thread.get("osName") or "?"

def frames(event):
    trace = event["values"].get("stackTrace") or {}
    return trace.get("frames") or []

def first_weir(fs):
    for f in fs:
        if frame_name(f).startswith("io.weir."):
            return frame_name(f)
    return "(no weir frame)"

def table(title, counter, total, unit):
    print(f"\n{title}\n")
    print(f"| # | {unit} | share | where |")
    print("|---|---|---|---|")
    for i, (key, value) in enumerate(counter.most_common(top), 1):
        print(f"| {i} | {value:,} | {100 * value / total:.1f} % | `{key}` |")

samples = events("execution-samples.json")
by_top = collections.Counter()
by_thread = collections.Counter()
by_thread_top = collections.defaultdict(collections.Counter)
by_thread_line = collections.defaultdict(collections.Counter)
for e in samples:
    fs = frames(e)
    if not fs:
        continue
    name = frame_name(fs[0])
    by_top[name] += 1
    by_thread[thread_of(e)] += 1
    by_thread_top[thread_of(e)][name] += 1
    by_thread_line[thread_of(e)][frame_line(fs[0]) + "  <- " + (frame_line(fs[1]) if len(fs) > 1 else "")] += 1
total = sum(by_top.values())
print(f"# JFR profile\n\n{total} execution samples; by thread: "
      + ", ".join(f"{t} {n}" for t, n in by_thread.most_common()))
table("Hot methods, all threads (top frame of jdk.ExecutionSample)", by_top, total, "samples")
for thread, counter in sorted(by_thread_top.items(), key=lambda kv: -sum(kv[1].values()))[:2]:
    table(f"Hot methods, thread {thread}", counter, sum(counter.values()), "samples")
    lines = by_thread_line[thread]
    table(f"Hot lines, thread {thread} (top frame:line <- caller:line)", lines, sum(lines.values()), "samples")

allocations = events("allocation-samples.json")
weight_top = collections.Counter()
weight_site = collections.Counter()
weight_thread = collections.Counter()
weight_pipeline = collections.Counter()
for e in allocations:
    fs = frames(e)
    weight = int(e["values"].get("weight") or 0)
    cls = (e["values"].get("objectClass") or {}).get("name", "?").replace("/", ".")
    thread = thread_of(e)
    weight_top[f"{frame_line(fs[0]) if fs else '?'} ({cls})"] += weight
    weight_site[f"{first_weir(fs)} ({cls})"] += weight
    weight_thread[thread] += weight
    if thread.startswith("worker") or thread == "exporter":
        weight_pipeline[f"{thread}: {frame_line(fs[0]) if fs else '?'} <- {first_weir(fs)} ({cls})"] += weight
total = sum(weight_top.values()) or 1
print(f"\n{len(allocations)} allocation samples, {total:,} bytes estimated in all; by thread: "
      + ", ".join(f"{t} {w:,} B" for t, w in weight_thread.most_common()))
table("Allocation sites by top frame (jdk.ObjectAllocationSample weight)", weight_top, total, "bytes")
table("Allocation sites by first weir frame", weight_site, total, "bytes")
table("Allocation sites on the worker and exporter threads", weight_pipeline,
      sum(weight_pipeline.values()) or 1, "bytes")
EOF
