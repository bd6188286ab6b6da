# Shared by the bench scripts (sourced, not run): paths, capture generation, tool checks, quiet-machine wait.
# shellcheck shell=bash

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root_dir=$(cd "$bench_dir/.." && pwd)
out_dir=${BENCH_OUT:-$bench_dir/out}
genpcap=${GENPCAP:-$root_dir/../shared/tools/genpcap.py}
mkdir -p "$out_dir"

log()
{
    echo "bench: $*" >&2
}

die()
{
    echo "bench: $*" >&2
    exit 1
}

# need COMMAND DEBIAN_PACKAGE: installs the package when the command is missing (needs root).
need()
{
    local command=$1 package=$2
    if command -v "$command" >/dev/null 2>&1 || [[ -x $command ]]; then
        return 0
    fi
    [[ $(id -u) -eq 0 ]] || die "$command is missing: apt-get install -y $package (as root)"
    log "installing $package for $command"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null; then
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
    fi
}

# capture PACKETS FLOWS SEED: prints the path of the generated capture, generating it when missing.
# A capture is written under a temporary name and renamed when complete, so a cached file is whole.
capture()
{
    local packets=$1 flows=$2 seed=$3
    local file="$out_dir/bench-p$packets-f$flows-s$seed.pcap"
    if [[ ! -s $file ]]; then
        [[ -f $genpcap ]] || die "generator not found: $genpcap (set GENPCAP)"
        log "generating $file ($packets packets, $flows flows, seed $seed)"
        python3 "$genpcap" -q -o "$file.part" --packets "$packets" --flows "$flows" --seed "$seed"
        mv "$file.part" "$file"
    fi
    echo "$file"
}

# packet_count FILE KNOWN: packets in a capture, from capinfos when present (cached next to the file).
packet_count()
{
    local file=$1 known=$2
    local cache="$out_dir/$(basename "$file").packets"
    if [[ -s $cache && $cache -nt $file ]]; then
        cat "$cache"
        return
    fi
    if command -v capinfos >/dev/null 2>&1; then
        capinfos -M -c -T -r "$file" | awk -F'\t' 'NF >= 2 { print $2; exit }' >"$cache"
    else
        echo "$known" >"$cache"
    fi
    cat "$cache"
}

# cpu_busy_percent: share of all CPUs busy over one second (other people's builds disturb timings).
cpu_busy_percent()
{
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 1
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do
        total=$((total + b[i] - a[i]))
    done
    idle=$((b[4] - a[4] + b[5] - a[5]))
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# cpu_busy_centiseconds: hundredths of CPU seconds all CPUs have been busy since boot (user, nice, system, irq, softirq, steal).
cpu_busy_centiseconds()
{
    local a
    read -r -a a < <(grep '^cpu ' /proc/stat)
    echo $(( (a[1] + a[2] + a[3] + a[6] + a[7] + a[8]) * 100 / $(getconf CLK_TCK) ))
}

# wait_quiet: waits (up to BENCH_QUIET_WAIT seconds) until the machine is at most BENCH_MAX_BUSY % busy;
# prints the last busy figure so that runs on a loaded machine show in the results.
wait_quiet()
{
    local limit=${BENCH_MAX_BUSY:-10} deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-600})) busy
    busy=$(cpu_busy_percent)
    while (( busy > limit && SECONDS < deadline )); do
        sleep 4
        busy=$(cpu_busy_percent)
    done
    echo "$busy"
}
