#!/usr/bin/env bash
# Load test on loopback with wrk (Debian's package): starts the app from its jar on 127.0.0.1, warms it
# up under the same load for 60 s (on 2 cores the JIT is still compiling the request path after 10 s),
# then 64 connections for 30 s; prints requests/s and the latency distribution, stops the app.
#   bench/load.sh attempts      # exercise attempts (checks)
#   bench/load.sh derivative    # /api/derivative
#   bench/load.sh pages         # the pages a class opens (lessons, exercises, the calculator)
#   JAVA_OPTS='...' bench/load.sh ...   # other JVM options than the image's -XX:+AlwaysPreTouch
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-attempts}
connections=${CONNECTIONS:-64}
seconds=${SECONDS_TO_RUN:-30}
warm_up=${WARM_UP_SECONDS:-60}
port=${PORT:-18081}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
./mvnw -B -q -DskipTests package
data=$(mktemp -d)
read -ra jvm_options <<<"${JAVA_OPTS--XX:+AlwaysPreTouch}" # as the Dockerfile runs it
java "${jvm_options[@]}" -jar target/matrix-calculus-tutor-*.jar --server.address=127.0.0.1 --server.port="$port" \
  --tutor.data-dir="$data" --tutor.rate-limit.attempts-per-address=1000000000 --logging.level.root=WARN ${APP_ARGS:-} &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
url="http://127.0.0.1:$port"
if [ "$scenario" = attempts ]; then
  VARIANT_MATRICES=$(bench/variant-matrices.sh "$url") && export VARIANT_MATRICES
fi
wrk -t2 -c"$connections" -d"${warm_up}s" -s "bench/$scenario.lua" "$url" >/dev/null   # warm-up
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "bench/$scenario.lua" "$url"
