#!/usr/bin/env bash
# Builds the bench module (offline, through the reactor, nothing installed) and runs its JMH
# benchmarks with the GC profiler (allocation per operation). Short settings by default;
# BENCH_JMH_FULL=1 for JMH's full ones. Extra arguments go to JMH, e.g. a benchmark regex:
#   bench/jmh.sh PacketParser            bench/jmh.sh -p flows=20000 FlowCache
#   bench/jmh.sh CaptureStages -p capture=/path/to.pcap
# Results: the console output (also in bench/out/jmh.txt) and bench/out/jmh-results.json.
#
# Environment: BENCH_JMH_FULL [0], BENCH_JMH_SETTINGS (replaces the fork/iteration options, e.g.
# "-f 1 -wi 1 -i 1"), BENCH_JMH_ARGS (more JMH options), JMH_JVM_ARGS (more fork JVM flags), BENCH_SKIP_BUILD [0].
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "building bench (mvn -o package -pl bench -am, tests skipped)"
    (cd "$root_dir" && mvn -q -B -o -DskipTests package -pl bench -am)
fi
cp="$bench_dir/target/classes:$bench_dir/target/lib/*"

if [[ ${BENCH_JMH_FULL:-0} == 1 ]]; then
    settings=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
else
    settings=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi
# CaptureStages runs one whole file per operation (single-shot): its own counts, not time-based ones.
if [[ " $* " == *CaptureStages* ]]; then
    settings=(-f 1 -wi 2 -i 5)
    [[ ${BENCH_JMH_FULL:-0} == 1 ]] && settings=(-f 2 -wi 3 -i 10)
fi
# JMH refuses an option given twice: BENCH_JMH_SETTINGS replaces the fork/iteration settings above.
if [[ -n ${BENCH_JMH_SETTINGS:-} ]]; then
    read -r -a settings <<<"$BENCH_JMH_SETTINGS"
fi

# With no benchmark named, the piece benchmarks run; CaptureStages (minutes) only when asked for.
args=("$@")
has_regex=0
for arg in "$@"; do
    [[ $arg != -* && ${prev:-} != -* ]] && has_regex=1
    prev=$arg
done
(( has_regex )) || args+=('PacketParserBenchmark|FlowCacheBenchmark|RecordSinkBenchmark')

# Agrona 2 needs jdk.internal.misc; the forked JVMs get the flag, and a fixed heap so that runs compare.
# Forks inherit the working directory: the repository root, where CaptureStages finds bench/out.
cd "$root_dir"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main \
    -jvmArgsAppend "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Xms1g -Xmx1g ${JMH_JVM_ARGS:-}" \
    -prof gc -rf json -rff "$out_dir/jmh-results.json" \
    "${settings[@]}" ${BENCH_JMH_ARGS:-} "${args[@]}" | tee "$out_dir/jmh.txt"
