#!/usr/bin/env bash
# Whole-process benchmark: weir (JSON, CSV and text to /dev/null, through the ./weir launcher as users
# run it) against softflowd and nfdump's nfpcapd on one generated capture, in the same session.
# Wall time, packets/s, CPU time and peak RSS from /usr/bin/time; the median of BENCH_REPS runs.
# Results: a Markdown table on stdout and in bench/out/results.md, every run in bench/out/runs.csv.
#
# Environment (defaults in brackets):
#   BENCH_PACKETS [10000000]  BENCH_FLOWS [1000000]  BENCH_SEED [1]   capture to generate (cached in bench/out)
#   BENCH_CAPTURE             use this capture instead of generating one
#   BENCH_REPS [3]            timed runs per tool
#   BENCH_TIMEOUT [900]       seconds before a run is killed (and marked failed)
#   BENCH_TOOLS [weir-json weir-csv weir-text weir-start softflowd nfpcapd]; also: softflowd-ipv4
#   BENCH_MAX_BUSY [10]       wait before each run until the CPUs are at most this % busy ...
#   BENCH_QUIET_WAIT [600]    ... but no longer than this many seconds
#   GENPCAP [../shared/tools/genpcap.py from the repo root]
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

packets=${BENCH_PACKETS:-10000000}
flows=${BENCH_FLOWS:-1000000}
seed=${BENCH_SEED:-1}
reps=${BENCH_REPS:-3}
limit=${BENCH_TIMEOUT:-900}
read -r -a tools <<<"${BENCH_TOOLS:-weir-json weir-csv weir-text weir-start softflowd nfpcapd}"

need /usr/bin/time time
need softflowd softflowd
need nfpcapd nfdump
command -v python3 >/dev/null 2>&1 || die "python3 is needed (capture generator, summary)"

cap=${BENCH_CAPTURE:-$(capture "$packets" "$flows" "$seed")}
[[ -s $cap ]] || die "capture not found: $cap"
count=$(packet_count "$cap" "$packets")
weir="$root_dir/weir"
nf_dir="$out_dir/nfpcapd"
log_dir="$out_dir/logs"
mkdir -p "$log_dir"

# tool_command TOOL: sets the array cmd to the tool's command line and clears its outputs.
tool_command()
{
    case $1 in
        weir-json) cmd=("$weir" -q -o 'json;file=/dev/null' "$cap") ;;
        weir-csv) cmd=("$weir" -q -o 'csv;file=/dev/null' "$cap") ;;
        weir-text) cmd=("$weir" -q -o 'text;file=/dev/null' "$cap") ;;
        # Fixed costs only: JVM start, CLI, cache allocation, one packet, shutdown.
        weir-start) cmd=("$weir" -q -c 1 -o 'json;file=/dev/null' "$cap") ;;
        # Without -n softflowd exports nowhere (statistics only); -6 makes it track IPv6 flows too.
        # -c none: no control socket. softflowd 1.1.0 reading a file calls accept() on that socket
        # without polling it first and, with a socket path longer than 12 characters, blocks there forever.
        softflowd) cmd=(softflowd -r "$cap" -m 2000000 -6 -d -p "$out_dir/softflowd.pid" -c none) ;;
        # Not in the default list: softflowd as often run, IPv4 only (IPv6 packets counted as non-IP).
        softflowd-ipv4) cmd=(softflowd -r "$cap" -m 2000000 -d -p "$out_dir/softflowd.pid" -c none) ;;
        # nfdump 1.7 takes the flow directory as -w (the man page still says -l; both work).
        nfpcapd)
            rm -rf "$nf_dir" && mkdir -p "$nf_dir"
            cmd=(nfpcapd -r "$cap" -w "$nf_dir")
            ;;
        *) die "unknown tool $1" ;;
    esac
}

# The first ./weir call may build the project; this one also leaves a summary as a sanity check.
log "warm-up: building weir if needed, one run with a summary"
"$weir" --version >/dev/null
"$weir" -o 'json;file=/dev/null' "$cap" 2>"$out_dir/weir-summary.txt" || die "weir failed: $out_dir/weir-summary.txt"
cat "$out_dir/weir-summary.txt" >&2

log "warming the page cache: $cap"
cat "$cap" >/dev/null

runs="$out_dir/runs.csv"
echo "tool,rep,wall_s,user_s,sys_s,max_rss_kb,busy_before_pct,machine_busy_cs,exit" >"$runs"
for ((rep = 1; rep <= reps; rep++)); do
    for tool in "${tools[@]}"; do
        busy=$(wait_quiet)
        timing="$log_dir/$tool-$rep.time"
        status=0
        tool_command "$tool"
        busy_start=$(cpu_busy_centiseconds)
        /usr/bin/time -o "$timing" -f '%e %U %S %M' timeout "$limit" "${cmd[@]}" >"$log_dir/$tool-$rep.out" 2>"$log_dir/$tool-$rep.err" \
            || status=$?
        busy_cs=$(( $(cpu_busy_centiseconds) - busy_start ))
        read -r wall user sys rss < <(tail -n 1 "$timing")
        echo "$tool,$rep,$wall,$user,$sys,$rss,$busy,$busy_cs,$status" >>"$runs"
        log "run $rep/$reps $tool: ${wall} s, ${rss} KB, exit $status (CPU ${busy}% busy before)"
    done
done

# Command lines for the table, with the capture as CAPTURE and paths relative to the repository root.
shown()
{
    local arg text=""
    for arg in "$@"; do
        arg=${arg//$cap/CAPTURE}
        arg=${arg//$root_dir\//.\/}
        [[ $arg == *";"* ]] && arg="'$arg'"
        text+="${text:+ }$arg"
    done
    echo "$text"
}
commands=$(for tool in "${tools[@]}"; do tool_command "$tool"; printf '%s\t%s\n' "$tool" "$(shown "${cmd[@]}")"; done)
python3 - "$runs" "$cap" "$count" "$reps" "$out_dir/results.md" "$commands" <<'EOF'
import csv, os, platform, statistics, subprocess, sys, time

runs_file, cap, count, reps, results, commands = sys.argv[1:]
count = int(count)
commands = dict(line.split('\t', 1) for line in commands.splitlines() if line)
rows = list(csv.DictReader(open(runs_file)))
tools = list(dict.fromkeys(r['tool'] for r in rows))

def cpu_model():
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor()

java_home = os.environ.get('JAVA_HOME', '')
java_bin = os.path.join(java_home, 'bin', 'java') if java_home and os.access(os.path.join(java_home, 'bin', 'java'), os.X_OK) else 'java'
java = subprocess.run([java_bin, '-version'], capture_output=True, text=True).stderr.splitlines()[0]
for name in ('JAVA_OPTS', 'JAVA_TOOL_OPTIONS'):
    if os.environ.get(name):
        java += f"; {name}={os.environ[name]}"
out = []
out.append(f"Capture: `{os.path.basename(cap)}` ({count} packets, {os.path.getsize(cap) / 1e9:.2f} GB), "
           f"{reps} runs per tool, median (min–max); page cache warm.")
out.append(f"Machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.system()} {platform.release()}, {java}; "
           f"{time.strftime('%Y-%m-%d %H:%M')}.")
out.append("Wall s and RSS: median (min–max); others' CPU s: the most CPU time other processes used during one of")
out.append("the runs (machine busy time minus the tool's own), a measure of the disturbance.")
out.append("")
out.append("| tool | wall s | M packets/s | CPU s (user+sys) | peak RSS MB | others' CPU s | command |")
out.append("|---|---|---|---|---|---|---|")
for tool in tools:
    rs = [r for r in rows if r['tool'] == tool]
    walls = [float(r['wall_s']) for r in rs]
    cpus = [float(r['user_s']) + float(r['sys_s']) for r in rs]
    rss = [int(r['max_rss_kb']) / 1024 for r in rs]
    failed = [r for r in rs if r['exit'] != '0']
    # CPU time the machine was busy during the run beyond the tool's own: other people's work.
    others = [max(0.0, int(r['machine_busy_cs']) / 100 - c) for r, c in zip(rs, cpus)]
    wall = statistics.median(walls)
    rate = "—" if tool == "weir-start" else f"{count / wall / 1e6:.2f}"
    note = f" ({len(failed)} failed)" if failed else ""
    out.append(f"| {tool}{note} | {wall:.2f} ({min(walls):.2f}–{max(walls):.2f}) | {rate} | "
               f"{statistics.median(cpus):.2f} | {statistics.median(rss):.0f} ({min(rss):.0f}–{max(rss):.0f}) | "
               f"{max(others):.2f} | `{commands.get(tool, '')}` |")
text = "\n".join(out) + "\n"
open(results, 'w').write(text)
sys.stdout.write(text)
EOF
