#!/usr/bin/env bash
# Builds the image from the Dockerfile with podman and checks that the container serves a page.
# For a machine whose containers cannot reach a registry: the base image is made locally with
# debootstrap (a JDK and curl), and Maven runs offline from a copy of the local repository.
# Needs root, podman, runc, debootstrap. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
image=localhost/matrix-calculus-tutor
base=localhost/tutor-base
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
  debootstrap --variant=minbase --include=openjdk-17-jdk-headless,curl bookworm "$work/rootfs" >/dev/null
  tar -C "$work/rootfs" -c . | podman import - "$base"
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
