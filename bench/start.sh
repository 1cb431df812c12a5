#!/usr/bin/env bash
# The first seconds of a class: starts the jar cold on 127.0.0.1, times launch -> readiness ->
# first page, then puts 15 s of exercise attempts on it at once (64 connections, no warm-up by the
# load). TUTOR_WARM_UP=false compares a start without the app's own warm-up.
#   bench/start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18082}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -n "${SKIP_PACKAGE:-}" ] || ./mvnw -B -q -DskipTests package
data=$(mktemp -d)
log=$(mktemp)
start=$(date +%s%N)
java -jar target/matrix-calculus-tutor-*.jar --server.address=127.0.0.1 --server.port="$port" \
  --tutor.data-dir="$data" --tutor.rate-limit.attempts-per-address=1000000000 --logging.level.root=WARN \
  --logging.level.org.matrixcalculustutor.web.WarmUp=INFO > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.05; done
ready=$(date +%s%N)
curl -fs "http://127.0.0.1:$port/" >/dev/null
page=$(date +%s%N)
echo "warm-up ${TUTOR_WARM_UP:-true}: launch to ready $(( (ready - start) / 1000000 )) ms, to the first page $(( (page - start) / 1000000 )) ms"
grep -h "Warm-up" "$log" | sed 's/.*WarmUp *: //' || true
wrk -t2 -c64 -d15s --latency -s bench/attempts.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
