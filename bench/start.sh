#!/usr/bin/env bash
# The first seconds of a class: starts the app cold on 127.0.0.1 and times launch -> first page
# (Tomcat serves pages while the warm-up still runs) and launch -> readiness (after the warm-up), with
# the CPU time the JVM had used by then (other load on the machine moves it less than the wall time),
# then asks it for its first 100 derivatives one at a time (engine time, bench/first-derivatives.py)
# and puts 15 s of exercise attempts on it at once (64 connections, no warm-up by the load), then asks
# for the same 100 derivatives again, warm.
#   bench/start.sh               # as the Dockerfile starts it: AOT code and the archive of ./mvnw -Pcds package
#                                # (an AOT cache app.aot on JDK 24+, a CDS archive app.jsa on JDK 17-23)
#   JAVA_HOME=/path/to/jdk-25 bench/start.sh   # builds and starts with that JDK (else the java on PATH)
#   START=jar bench/start.sh     # plain java -jar target/*.jar (./mvnw package)
#   TUTOR_WARM_UP=false ...      # without the app's own warm-up
#   SKIP_PACKAGE=1 ...           # measure the build already in target/ (with the JDK that built it)
#   JAVA_OPTS='...' ...          # other JVM options than the image's -XX:+AlwaysPreTouch
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18082}
mode=${START:-cds}
# the JDK that builds (the wrapper reads JAVA_HOME too) is the one that starts: an archive holds only for it
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
read -ra jvm_options <<<"${JAVA_OPTS--XX:+AlwaysPreTouch}" # as the Dockerfile runs it
settings=$("$java" -XshowSettings:properties -version 2>&1)
feature=$(awk '/java.specification.version/ {print $3}' <<<"$settings")
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${SKIP_PACKAGE:-}" ]; then
  if [ "$mode" = cds ]; then ./mvnw -B -q -Pcds -DskipTests package >/dev/null; else ./mvnw -B -q -DskipTests package; fi
fi
archive=()
if [ "$mode" = cds ]; then
  if [ -f target/app/app.aot ] && [ "${feature%%.*}" -ge 24 ]; then archive=(-XX:AOTCache=app.aot)
  elif [ -f target/app/app.jsa ]; then archive=(-XX:SharedArchiveFile=app.jsa)
  elif [ -f target/app/app.aot ]; then
    echo "target/app/app.aot is an AOT cache (JDK 24+) but $java is JDK $feature: set JAVA_HOME to the JDK that built it" >&2
    exit 1
  else
    echo "no archive in target/app/: build it with ./mvnw -B -Pcds -DskipTests package" >&2
    exit 1
  fi
fi
echo "java: $(command -v "$java") ($(awk '/java.runtime.version/ {print $3}' <<<"$settings")), start: $mode${archive:+ with ${archive[0]}}"
data=$(mktemp -d)
log=$(mktemp)
args=(--server.address=127.0.0.1 --server.port="$port" --tutor.data-dir="$data"
  --tutor.rate-limit.attempts-per-address=1000000000 --logging.level.root=WARN
  --logging.level.org.matrixcalculustutor.web.WarmUp=INFO)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
if [ "$mode" = cds ]; then
  (cd target/app && exec "$java" "${archive[@]}" "${jvm_options[@]}" -Dspring.aot.enabled=true \
    -jar matrix-calculus-tutor-*.jar "${args[@]}") > "$log" 2>&1 &
else
  "$java" "${jvm_options[@]}" -jar target/matrix-calculus-tutor-*.jar "${args[@]}" > "$log" 2>&1 &
fi
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data" "$log"' EXIT
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$app/stat"; }
page='' ready=''
until [ -n "$ready" ]; do
  kill -0 $app 2>/dev/null || { cat "$log"; exit 1; }
  if [ -z "$page" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
    page=$(date +%s%N) page_cpu=$(cpu)
  fi
  if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; then
    ready=$(date +%s%N) ready_cpu=$(cpu)
    [ -n "$page" ] || { curl -fs -o /dev/null "http://127.0.0.1:$port/"; page=$(date +%s%N) page_cpu=$(cpu); }
  fi
  sleep 0.05
done
echo "$mode, warm-up ${TUTOR_WARM_UP:-true}: launch to the first page $(( (page - start) / 1000000 )) ms" \
  "(JVM CPU ${page_cpu} s), to ready $(( (ready - start) / 1000000 )) ms (JVM CPU ${ready_cpu} s)"
grep -h "Warm-up" "$log" | sed 's/.*WarmUp *: //' || true
bench/first-derivatives.py "http://127.0.0.1:$port" 100
VARIANT_MATRICES=$(bench/variant-matrices.sh "http://127.0.0.1:$port") && export VARIANT_MATRICES
wrk -t2 -c64 -d15s --latency -s bench/attempts.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
# the same 100 calls again, now that the server has been under load: what is left of the first
# calls' time once the JIT has caught up is the cost of a lone request on this machine
echo "after the load, warm:"
bench/first-derivatives.py "http://127.0.0.1:$port" 100
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
