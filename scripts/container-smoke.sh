#!/usr/bin/env bash
# Builds the image from the Dockerfile with podman and checks that the container serves a page.
# For a machine whose containers cannot reach a registry: the base image is made locally with
# debootstrap (curl) and a copy of this machine's JDK 24 or newer (JDK, else JAVA_HOME: the image's AOT
# cache needs one, and Debian bookworm packages none), and Maven runs offline from a copy of the local
# repository. Needs root, podman, runc, debootstrap. Not part of the test suite.
#   JDK=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/container-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jdk=${JDK:-${JAVA_HOME:-}}
feature=$("${jdk:-/nonexistent}/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}') || feature=0
if [ ! -x "$jdk/bin/javac" ] || [ "${feature%%.*}" -lt 24 ]; then
  echo "set JDK to a JDK 24 or newer (the image starts from an AOT cache); '${jdk}' is not one" >&2
  exit 1
fi
image=localhost/matrix-calculus-tutor
base=localhost/tutor-base-jdk$feature
work=${WORK_DIR:-/tmp/tutor-container}
mkdir -p "$work"

command -v podman >/dev/null || { apt-get update -qq && apt-get install -y -qq podman runc debootstrap >/dev/null; }
mkdir -p /etc/containers
cat > /etc/containers/containers.conf <<'CONF'
[containers]
default_ulimits = ["nofile=8192:8192", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF

if ! podman image exists "$base"; then
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase --include=curl bookworm "$work/rootfs" >/dev/null
  # where the eclipse-temurin images keep theirs
  mkdir -p "$work/rootfs/opt/java" && cp -a "$jdk" "$work/rootfs/opt/java/openjdk"
  tar -C "$work/rootfs" -c . | podman import --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base"
fi

# Maven cannot download inside the build: give it the wrapper's distribution and the dependencies.
./mvnw -B -q -DskipTests dependency:go-offline package >/dev/null
rm -rf "$work/m2" && cp -r "$HOME/.m2" "$work/m2"
podman build --build-arg BUILD_IMAGE="$base" --build-arg RUNTIME_IMAGE="$base" \
  --build-arg MAVEN_ARGS="-o -q" -v "$work/m2:/root/.m2" -t "$image" .

podman rm -f tutor-smoke >/dev/null 2>&1 || true
podman run -d --name tutor-smoke -p 18080:8080 -e TUTOR_TEACHER_PASSWORD=smoke-test "$image" >/dev/null
for _ in $(seq 1 90); do
  if curl -fsS http://127.0.0.1:18080/actuator/health >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS http://127.0.0.1:18080/actuator/health
echo
curl -fsS http://127.0.0.1:18080/lessons | grep -o '<title>[^<]*</title>'
podman exec tutor-smoke id
podman rm -f tutor-smoke >/dev/null
