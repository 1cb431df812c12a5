#!/usr/bin/env python3
"""Median engine time (the Server-Timing header) of five Hessians and five vec Jacobians, asked of a
running tutor through /api/derivative after a warm-up.
Usage: bench/server-timing.py BASE_URL [WARMUP] [RUNS]"""
import json, sys, statistics, urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 30
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 100
cases = [
    ("hessian", "x'*A*x", "x", "A: matrix n x n\nx: vector n", 2, None),
    ("hessian", "norm(A*x - b)^2", "x", "A: matrix m x n\nx: vector n\nb: vector m", 2, None),
    ("hessian", "logsumexp(x)", "x", "x: vector n", 2, None),
    ("hessian", "tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", 2, None),
    ("hessian", "sum(log(ones + exp(X*w))) - y'*X*w", "w", "X: matrix m x n\nw: vector n\ny: vector m", 2, None),
    ("vec jacobian", "A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", 1, "numerator"),
    ("vec jacobian", "inv(X)", "X", "X: matrix n x n invertible", 1, "numerator"),
    ("vec jacobian", "X'*X", "X", "X: matrix m x n", 1, "numerator"),
    ("vec jacobian", "exp(X)", "X", "X: matrix m x n", 1, "numerator"),
    ("vec jacobian", "x*x'", "x", "x: vector n", 1, "numerator"),
]

def call(expression, variable, declarations, order, layout):
    body = {"expression": expression, "variable": variable, "declarations": declarations, "order": order}
    if layout:
        body["layout"] = layout
    request = urllib.request.Request(base + "/api/derivative", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        timing = response.headers["Server-Timing"]
        answer = json.loads(response.read())
    return float(timing.split("dur=")[1]), answer

for kind, expression, variable, declarations, order, layout in cases:
    for _ in range(warmup):
        call(expression, variable, declarations, order, layout)
    times = []
    for _ in range(runs):
        duration, answer = call(expression, variable, declarations, order, layout)
        times.append(duration)
    times.sort()
    print(f"{kind:13} {expression:38} d/d{variable}: median {statistics.median(times):.3f} ms, "
          f"p90 {times[int(0.9 * len(times))]:.3f} ms -> {answer['derivative']['text']} ({answer['shape']})")
