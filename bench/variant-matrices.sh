#!/usr/bin/env bash
# The matrix of the quadratic-form exercise in each of its variants 0-15, read off their solutions on a
# running app: "A,B,M,...". A variant renames A, and an answer written in A would only be told that A is
# not in its problem, so bench/attempts.lua writes each answer in its variant's letter.
#   bench/variant-matrices.sh http://127.0.0.1:8080
set -euo pipefail
url=$1
matrices=()
attempt() { curl -fs -H 'Content-Type: application/json' -d "$1" "$url/api/exercises/quadratic-form/attempts"; }
for seed in $(seq 0 15); do
  m=$(attempt "{\"answer\":\"0\",\"seed\":$seed,\"showSolution\":true}" \
    | python3 -c 'import json, re, sys; print(re.search("[A-Z]", json.load(sys.stdin)["expected"]["text"]).group())')
  # the load's right answer in this letter must be graded right, or the load measures something else
  attempt "{\"answer\":\"($m + $m')*x\",\"seed\":$seed}" | grep -q '"verdict":"correct"' \
    || { echo "variant $seed: ($m + $m')*x is not graded right" >&2; exit 1; }
  matrices+=("$m")
done
(IFS=,; echo "${matrices[*]}")
