#!/usr/bin/env bash
# The web application's benchmark on the default single-process run (all roles, embedded
# PostgreSQL, a fresh data directory), on loopback only, bounded in time (about 3 minutes):
#
#   1. builds the jar and the timing client (./mvnw package, tests compiled but not run);
#   2. start-up to serving requests of ./run (the jar with ./run's JVM options): first start on a
#      fresh data directory (initdb included), then a restart on it; the restarted process is
#      the one measured below;
#   3. wrk -t2 -c32 on GET / and on POST /record-viewing/12345 (a CSRF token and session cookie
#      fetched first; a warm-up run, then the measured run);
#   4. the Java timing client (application/src/test/java/.../benchmark/WebBenchmark.java):
#      catch-up after the load, POST answered -> home page shows the new count, registration
#      answered -> first successful log-in, and the accounting of every accepted POST;
#   5. peak resident memory (VmHWM of the Java process; PSS of its PostgreSQL processes);
#   6. writes the section "## Web application" of benchmarks/RESULTS.md (replacing an older one).
#
# Needs: a JDK 17+, wrk and curl (Debian packages wrk, curl). Options (environment):
# DURATION (measured wrk runs, default 15s), WARM_UP (default 10s), NO_BUILD=1 (use the jar and
# classes as they are), JAVA_OPTS (replaces ./run's JVM options), RESULTS (default
# benchmarks/RESULTS.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

duration=${DURATION:-15s}
warm_up=${WARM_UP:-10s}
results_file=${RESULTS:-benchmarks/RESULTS.md}
jar=application/target/video-tutorials.jar
classes=application/target/test-classes

for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "run-web-benchmark: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

if [[ "${NO_BUILD:-}" != 1 ]]; then
  echo "Building the jar and the timing client..." >&2
  ./mvnw -B -q -DskipTests -pl application -am package
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/web-benchmark.XXXXXX")
app_pid=
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
trap 'stop_app; rm -rf "$work"' EXIT

data="$work/data"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts the system with ./run (which execs java, so its pid is the JVM's), port picked by the
# system; sets app_pid, site (its URL), pg_port and startup_ms (launch -> GET / answered 200).
start_app() {
  local log="$work/app-$1.log" started
  started=$(now_ms)
  DATA_DIRECTORY="$data" PORT=0 HOST=127.0.0.1 ./run >"$log" 2>&1 &
  app_pid=$!
  local deadline=$(( started + 120000 )) line=
  until line=$(grep -m1 '^Video Tutorials is running at ' "$log"); do
    kill -0 "$app_pid" 2>/dev/null || { cat "$log" >&2; echo "run-web-benchmark: the system did not start" >&2; exit 1; }
    (( $(now_ms) < deadline )) || { echo "run-web-benchmark: no start within 120 s" >&2; exit 1; }
    sleep 0.01
  done
  site=$(sed -E 's/^Video Tutorials is running at (http[^ ]+)\/ .*/\1/' <<<"$line")
  pg_port=$(sed -E 's/.*embedded PostgreSQL on port ([0-9]+).*/\1/' <<<"$line")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$site/") == 200 ]]; do sleep 0.005; done
  startup_ms=$(( $(now_ms) - started ))
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

start_app fresh
startup_fresh_ms=$startup_ms
stop_app
start_app restart
startup_restart_ms=$startup_ms
echo "Serving at $site after ${startup_fresh_ms} ms (fresh data directory), ${startup_restart_ms} ms (restart)" >&2

# One visitor's session and CSRF token for the POST load: the button of the home page, pressed
# over and over by one visitor.
curl -s -c "$work/cookies" -o "$work/home.html" "$site/"
token=$(grep -o 'name="_csrf" value="[^"]*"' "$work/home.html" | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
session=$(awk '$6 == "vt_session" { print $7 }' "$work/cookies")
[[ -n "$token" && -n "$session" ]] || { echo "run-web-benchmark: no CSRF token or session cookie on /" >&2; exit 1; }
cat >"$work/record-viewing.lua" <<EOF
wrk.method = "POST"
wrk.body = "_csrf=$token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "vt_session=$session"
EOF

# Prints the requests wrk saw answered with 2xx or 3xx.
answered() {
  local total bad
  total=$(awk '/requests in/ { print $1 }' "$1")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$1")
  echo $(( total - ${bad:-0} ))
}
run_wrk() { # name, duration, extra args...
  local name=$1 length=$2
  shift 2
  wrk -t2 -c32 -d"$length" --latency "$@" >"$work/wrk-$name.txt"
  cat "$work/wrk-$name.txt" >&2
}
requests_per_second() { awk '/^Requests\/sec:/ { printf "%d", $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
errors() { grep -E 'Socket errors|Non-2xx' "$1" | tr -s ' ' | paste -sd ';' - || true; }

echo "GET / ..." >&2
run_wrk get-warm-up "$warm_up" "$site/"
run_wrk get "$duration" "$site/"
echo "POST /record-viewing/12345 ..." >&2
run_wrk post-warm-up "$warm_up" -s "$work/record-viewing.lua" "$site/record-viewing/12345"
run_wrk post "$duration" -s "$work/record-viewing.lua" "$site/record-viewing/12345"
wrk_posts=$(( $(answered "$work/wrk-post-warm-up.txt") + $(answered "$work/wrk-post.txt") ))

echo "Timing client..." >&2
client_status=0
for name in catch_up_ms load_viewings_stored load_posts_accepted load_posts_cut_off viewing_samples \
    viewing_p50_ms viewing_p99_ms viewing_max_ms registration_samples registration_log_in_p50_ms \
    registration_log_in_p99_ms registration_log_in_max_ms registration_credentials_p50_ms \
    registration_credentials_p99_ms registration_credentials_max_ms log_in_request_p50_ms \
    log_in_request_p99_ms log_in_request_max_ms posts_accepted viewings_stored viewings_shown \
    accounted; do
  printf -v "$name" '%s' -1 # until the timing client reports it
done
java -cp "$jar:$classes" dev.videotutorials.app.benchmark.WebBenchmark "$site/" \
  "jdbc:postgresql://localhost:$pg_port/message_store" "jdbc:postgresql://localhost:$pg_port/video_tutorials" \
  "$wrk_posts" >"$work/client.txt" || client_status=$?
cat "$work/client.txt" >&2
# shellcheck disable=SC1091
source "$work/client.txt"

java_hwm_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$app_pid/status")
# The embedded server's postmaster (first line of postmaster.pid) and its children.
postmaster=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
postgres_pss_kib=0
for pid in $postmaster $( [[ -n "$postmaster" ]] && pgrep -P "$postmaster" || true); do
  pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
  postgres_pss_kib=$(( postgres_pss_kib + ${pss:-0} ))
done
stop_app
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mib() { echo $(( ($1 + 1023) / 1024 )); }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }
seconds() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }
verdict() { if [[ $1 == -1* ]]; then echo "not measured"; elif awk -v a="$1" -v b="$2" "BEGIN { exit !(a $3 b) }"; then echo "met"; else echo "**not met**"; fi; }
both() { if [[ $1 == met && $2 == met ]]; then echo met; else echo "**not met**"; fi; }
in_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }
get_p99=$(p99 "$work/wrk-get.txt")
post_p99=$(p99 "$work/wrk-post.txt")
get_rps=$(requests_per_second "$work/wrk-get.txt")
post_rps=$(requests_per_second "$work/wrk-post.txt")
get_verdict=$(both "$(verdict "$get_rps" 13000 '>=')" "$(verdict "$(in_ms "$get_p99")" 23 '<')")
post_verdict=$(both "$(verdict "$post_rps" 4500 '>=')" "$(verdict "$(in_ms "$post_p99")" 38 '<')")

if [[ -n "${JAVA_OPTS+set}" ]]; then jvm_options="\`${JAVA_OPTS:-}\` (JAVA_OPTS)"; else
  jvm_options="\`$(sed -nE 's/.*\$\{JAVA_OPTS-([^}]*)\}.*/\1/p' run)\`, ./run's default"; fi
section="$work/section.md"
cat >"$section" <<EOF
## Web application

Command: \`benchmarks/web/run-web-benchmark.sh\` (DURATION=$duration, WARM_UP=$warm_up). It builds with
\`./mvnw -B -q -DskipTests -pl application -am package\`, starts the default run with \`./run\`
(JVM options: $jvm_options; all roles, embedded PostgreSQL 17 in a fresh data directory, loopback only),
runs \`wrk -t2 -c32 -d$duration --latency\` after a $warm_up warm-up, then the timing client
\`java -cp $jar:$classes dev.videotutorials.app.benchmark.WebBenchmark …\`.
Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -1),
commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'); load average before $load_before, after $load_after
(other work on the machine shares its 2 cores with the site, its PostgreSQL and wrk).

| measure | original | target | measured | |
| --- | --- | --- | --- | --- |
| \`GET /\` requests/s (p99) | 4,400–4,800 (23–26 ms) | ≥ 13,000 (p99 below the original's) | $get_rps ($get_p99) | $get_verdict |
| \`POST /record-viewing/{id}\` requests/s (p99) | 1,580–1,600 (38–39 ms) | ≥ 4,500 (p99 below the original's) | $post_rps ($post_p99) | $post_verdict |
| POST answered → home page shows the new count, p50 / p99 ($viewing_samples samples, random 0–100 ms pauses) | 57–62 / 103–105 ms | ≤ 10 / ≤ 30 ms | $(ms "$viewing_p50_ms") / $(ms "$viewing_p99_ms") ms (max $(ms "$viewing_max_ms")) | $(verdict "$viewing_p50_ms" 10 '<=') / $(verdict "$viewing_p99_ms" 30 '<=') |
| registration answered → first successful log-in, p50 ($registration_samples samples) | 154 ms | ≤ 60 ms | $(ms "$registration_log_in_p50_ms") ms (p99 $(ms "$registration_log_in_p99_ms")) | $(verdict "$registration_log_in_p50_ms" 60 '<=') |
| start-up to serving requests (embedded PostgreSQL included) | 0.4 s (databases prepared by hand) | ≤ 5 s | restart $(seconds "$startup_restart_ms") s; first start on a fresh data directory (initdb) $(seconds "$startup_fresh_ms") s | $(verdict "$startup_restart_ms" 5000 '<=') |
| peak resident memory | 220 MiB | ≤ 350 MiB | Java process $(mib "$java_hwm_kib") MiB (VmHWM); its PostgreSQL processes $(mib "$postgres_pss_kib") MiB (PSS at the end) | $(verdict "$(mib "$java_hwm_kib")" 350 '<=') |

Accounting of the load (every request of a load run accounted for):

| check | result |
| --- | --- |
| POSTs answered 302 by the server (its \`/metrics\`) in the load runs / counted by wrk / in flight when wrk stopped | $load_posts_accepted / $wrk_posts / $load_posts_cut_off |
| home page count caught up with the load's $load_viewings_stored \`VideoViewed\` messages, measured from the timing client's start | $(seconds "$catch_up_ms") s |
| all POSTs answered 302 / \`VideoViewed\` messages in the store / home page count, at the end | $posts_accepted / $viewings_stored / $viewings_shown: $([[ "$accounted" == 1 && $client_status == 0 ]] && echo "all equal" || echo "**MISMATCH**") |
| wrk errors (GET; POST) | $(errors "$work/wrk-get.txt" | sed 's/^$/none/'); $(errors "$work/wrk-post.txt" | sed 's/^$/none/') |
| registration answered → credentials in the view data (when the log-in is tried), p50 / p99 | $(ms "$registration_credentials_p50_ms") / $(ms "$registration_credentials_p99_ms") ms |
| the successful log-in request alone (bcrypt cost 10 included), p50 / p99 | $(ms "$log_in_request_p50_ms") / $(ms "$log_in_request_p99_ms") ms |

The log-in is tried once the user-credentials aggregator has written the credentials (the client
polls the view database): polling with failing log-ins would trip the log-in throttle (5 failures
per email, 20 per address in 15 minutes). Both latencies are bounded below by how soon the
consumers learn of a new message (a poll every 100 ms without wake-ups), the log-in also by one
bcrypt verification at cost 10 (the original's hashes), which the last row includes.
EOF

# Replace the section (up to the next "## " heading) or append it.
mkdir -p "$(dirname "$results_file")"
touch "$results_file"
awk -v section="$section" '
  /^## / { if (skipping) skipping = 0 }
  /^## Web application[[:space:]]*$/ { while ((getline line < section) > 0) print line; print ""; skipping = 1; done = 1; next }
  !skipping { print }
  END { if (!done) { if (NR > 0) print ""; while ((getline line < section) > 0) print line } }
' "$results_file" >"$work/results.md"
cp "$work/results.md" "$results_file"
echo "Wrote the section \"## Web application\" of $results_file" >&2
cat "$section"
exit "$client_status"
