#!/usr/bin/env python3
"""The first derivatives a just-started tutor computes: asks /api/derivative for the identities of
src/test/resources/identities/identities.jsonl in turn (COUNT calls, cycling through the 61), one at a
time, and reports the engine time of each call (the Server-Timing header), which excludes the network
and the HTTP stack. Run it right after readiness (bench/start.sh does) to see whether the first
students meet compiled code. Each slow call also shows the engine's CPU time (engine-cpu): engine time
well above it was spent waiting for a core, not running slow code.
Usage: bench/first-derivatives.py BASE_URL [COUNT]"""
import json, pathlib, sys, urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
identities = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/identities/identities.jsonl"
cases = [json.loads(line) for line in identities.read_text().splitlines() if line.strip()]


def engine_time(case):
    body = {"expression": case["f"], "variable": case["wrt"], "declarations": case["declarations"],
            "layout": case["layout"]}
    request = urllib.request.Request(base + "/api/derivative", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        response.read()
        timing = {}  # engine and engine-cpu, in ms
        for value in response.headers.get_all("Server-Timing"):
            for metric in value.split(","):
                name, _, duration = metric.strip().partition(";dur=")
                timing[name] = float(duration.split(";")[0])
        return timing["engine"], timing.get("engine-cpu")


calls = [engine_time(cases[i % len(cases)]) for i in range(count)]
times = [wall for wall, _ in calls]
ordered = sorted(times)
print(f"first {count} derivatives, engine time: first {times[0]:.2f} ms, median {ordered[count // 2]:.3f} ms, "
      f"p90 {ordered[int(0.9 * count)]:.3f} ms, max {ordered[-1]:.2f} ms; "
      f"{sum(1 for t in times if t >= 1.0)} of {count} took 1 ms or more")
for i, (t, cpu) in enumerate(calls):
    if t >= 1.0:
        case = cases[i % len(cases)]
        on_core = "" if cpu is None else f" (CPU {cpu:.2f} ms)"
        print(f"  call {i + 1}: {t:.2f} ms{on_core}, {case['f']} d/d{case['wrt']}")
slow = [cpu for t, cpu in calls if t >= 1.0 and cpu is not None]
if slow:
    print(f"  of those, {sum(1 for cpu in slow if cpu >= 1.0)} used 1 ms or more of CPU; "
          f"the others waited for a core for part of their time")
