#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Helper of bench/cluster/run.sh: samples the server-side processes and prints the table.

  procstat.py sample OUT.json [--cpu-only] GROUP=PID[,PID...] ...
      One sample of every process of every group: CPU (utime+stime, and for a process whose
      children are part of the group - nginx's master, PostgreSQL's postmaster - also cutime
      +cstime: children that ended in between still count), VmRSS, Pss, open descriptors.
      A group named `nginx` or `postgres` takes the given pid and all its children.

  procstat.py row NAME CONNECTIONS MEETINGS DIR
      Reads DIR/{empty,idle,start,end}.json, DIR/load-*.out and DIR/load-*.lat, and appends one
      row (a JSON object) to DIR/../rows.jsonl.

  procstat.py table ROWS.jsonl
      The table of every row.
"""
import glob
import json
import os
import re
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
            kids.append(int(entry))
    return kids


def cpu_of(pid, with_children_time):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
    ticks = int(fields[11]) + int(fields[12])
    if with_children_time:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICK


def memory_of(pid):
    rss = pss = 0
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pss = rss
    return {"rss_kib": rss, "pss_kib": pss, "fds": len(os.listdir(f"/proc/{pid}/fd")),
            "name": open(f"/proc/{pid}/comm").read().strip()}


def sample(out, groups, cpu_only=False):
    # First the CPU times of every process, quickly and stamped with the time; then memory and
    # descriptors, which take seconds with 50,000 descriptors open.
    members = {}
    for spec in groups:
        name, pids = spec.split("=", 1)
        for pid in [int(p) for p in pids.split(",") if p]:
            parent = name in ("nginx", "postgres")
            members.setdefault(name, []).append((pid, parent))
            if parent:
                members[name] += [(k, False) for k in children(pid)]
    result = {"groups": {}}
    for name, procs in members.items():
        result["groups"][name] = []
        for pid, parent in procs:
            try:
                result["groups"][name].append({"pid": pid, "cpu_s": cpu_of(pid, parent)})
            except (OSError, ValueError):
                pass  # gone in between
    result["time"] = time.time()
    for name, procs in result["groups"].items() if not cpu_only else ():
        for p in procs:
            try:
                p.update(memory_of(p["pid"]))
            except (OSError, ValueError):
                p.update({"rss_kib": 0, "pss_kib": 0, "fds": 0, "name": "?"})
    result["done"] = time.time()
    with open(out, "w") as f:
        json.dump(result, f)


def total(sample_, group, key):
    return sum(p[key] for p in sample_["groups"].get(group, []))


def peak_fds(samples, group):
    return max((p["fds"] for s in samples for p in s["groups"].get(group, [])), default=0)


def percentile(sorted_values, q):
    """Nearest rank, as intervisie_load computes it."""
    if not sorted_values:
        return float("nan")
    import math
    rank = max(1, min(len(sorted_values), math.ceil(q * len(sorted_values))))
    return sorted_values[rank - 1] / 1000.0


def row(name, connections, meetings, d):
    load = lambda f: json.load(open(os.path.join(d, f)))
    empty, idle, start, end = load("empty.json"), load("idle.json"), load("start.json"), load(
        "end.json")
    delivered, acked = [], []
    for path in glob.glob(os.path.join(d, "load-*.lat")):
        for line in open(path):
            kind, us = line.split()
            (delivered if kind == "delivered" else acked).append(int(us))
    delivered.sort()
    acked.sort()
    totals = {"open": 0, "sent": 0, "acked": 0, "delivered": 0, "refused": 0, "timed_out": 0,
              "late": 0, "events": 0, "planned": 0.0, "measured": 0.0, "dropped": 0,
              "given_up": 0, "setup_s": 0.0}
    windows = []
    loads = []  # the 1-minute load average at the window's start and end, as the tools saw it
    for path in sorted(glob.glob(os.path.join(d, "load-*.out"))):
        text = open(path).read()
        m = re.search(r"connections\s+(\d+) of \d+ established.*?(\d+) given up, (\d+) dropped",
                      text)
        if m:
            totals["open"] += int(m.group(1))
            totals["given_up"] += int(m.group(2))
            totals["dropped"] += int(m.group(3))
        m = re.search(r"commands\s+(\d+) sent, (\d+) acked, (\d+) delivered to all, (\d+) refused, "
                      r"(\d+) timed out, (\d+) late; [\d.]+ acked/s \(planned ([\d.]+)/s\)", text)
        if m:
            for key, group in (("sent", 1), ("acked", 2), ("delivered", 3), ("refused", 4),
                               ("timed_out", 5), ("late", 6)):
                totals[key] += int(m.group(group))
            totals["planned"] += float(m.group(7))
        m = re.search(r"messages\s+(\d+) events received", text)
        if m:
            totals["events"] += int(m.group(1))
        m = re.search(r"load average ([\d.]+) at the start of the measured window, ([\d.]+) at "
                      r"its end", text)
        if m:
            loads.append(max(float(m.group(1)), float(m.group(2))))
        m = re.search(r"measured from unix time ([\d.]+) to ([\d.]+)", text)
        if m:
            windows.append((float(m.group(1)), float(m.group(2))))
        m = re.search(r"connected and walked to the question rounds in ([\d.]+) s", text)
        h = re.search(r"meetings created over HTTP in ([\d.]+) s", text)
        if m and h:
            totals["setup_s"] = max(totals["setup_s"], float(m.group(1)) + float(h.group(1)))
    wall = end["time"] - start["time"]
    # The load processes' own windows (they started together); the server-side CPU is over the
    # script's window, which contains them to within a few tens of ms.
    measured = (sum(b - a for a, b in windows) / len(windows)) if windows else wall
    r = {"name": name, "connections": connections, "meetings": meetings,
         "open_at_idle": totals["open"], "given_up": totals["given_up"],
         "dropped": totals["dropped"], "setup_s": totals["setup_s"],
         "offered_per_s": totals["planned"], "sent": totals["sent"], "acked": totals["acked"],
         "delivered": totals["delivered"], "refused": totals["refused"],
         "timed_out": totals["timed_out"], "late": totals["late"],
         "acked_per_s": totals["acked"] / measured, "events_per_s": totals["events"] / measured,
         "p50_ms": percentile(delivered, 0.5), "p99_ms": percentile(delivered, 0.99),
         "p999_ms": percentile(delivered, 0.999),
         "ack_p50_ms": percentile(acked, 0.5), "ack_p99_ms": percentile(acked, 0.99),
         "samples": len(delivered), "window_s": wall, "loadavg": max(loads, default=0.0),
         "windows": windows, "sample_window": [start["time"], end["time"]]}
    # Rates, each over its own window: the server side's CPU over the script's samples, the
    # messages over the load processes' windows (the two agree to within ~0.1 s).
    events_per_s = max(r["events_per_s"], 1e-9)
    for group in ("nodes", "nginx", "postgres", "load"):
        # Only processes present in both samples (a load process may have ended a moment before
        # the last one; a server-side child that ended is in its parent's cutime/cstime).
        before = {p["pid"]: p["cpu_s"] for p in start["groups"].get(group, [])}
        cpu = sum(p["cpu_s"] - before[p["pid"]] for p in end["groups"].get(group, [])
                  if p["pid"] in before)
        r[f"cpu_{group}_pct"] = 100.0 * cpu / wall
        r[f"cpu_{group}_us_per_msg"] = cpu / wall * 1e6 / events_per_s
        r[f"fds_{group}_peak"] = peak_fds([idle, end], group)
        r[f"procs_{group}"] = len(idle["groups"].get(group, []))
    r["cpu_server_us_per_msg"] = sum(r[f"cpu_{g}_us_per_msg"] for g in ("nodes", "nginx",
                                                                      "postgres"))
    n = max(totals["open"], 1)
    r["rss_nodes_kib_per_conn"] = (total(idle, "nodes", "rss_kib") - total(empty, "nodes",
                                                                          "rss_kib")) / n
    r["rss_nodes_idle_mib"] = total(idle, "nodes", "rss_kib") / 1024
    r["pss_nginx_kib_per_conn"] = (total(idle, "nginx", "pss_kib") - total(empty, "nginx",
                                                                          "pss_kib")) / n
    r["pss_nginx_idle_mib"] = total(idle, "nginx", "pss_kib") / 1024
    r["pss_postgres_idle_mib"] = total(idle, "postgres", "pss_kib") / 1024
    r["pss_postgres_end_mib"] = total(end, "postgres", "pss_kib") / 1024
    r["rss_load_idle_mib"] = total(idle, "load", "rss_kib") / 1024
    with open(os.path.join(os.path.dirname(os.path.abspath(d)), "rows.jsonl"), "a") as f:
        f.write(json.dumps(r) + "\n")
    print(json.dumps(r, indent=1))


def fmt(value, digits=1):
    if isinstance(value, float):
        if value != value:
            return "n/a"
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def table(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    lines = [
        ("configuration", lambda r: r["name"]),
        ("connections open at idle (of asked)",
         lambda r: f'{fmt(r["open_at_idle"])} of {fmt(r["connections"])}'),
        ("meetings", lambda r: fmt(r["meetings"])),
        ("setup: created + connected (s)", lambda r: fmt(r["setup_s"], 0)),
        ("commands/s offered (acked)",
         lambda r: f'{fmt(r["offered_per_s"])} ({fmt(r["acked_per_s"])})'),
        ("deliveries/s (events received)", lambda r: fmt(r["events_per_s"], 0)),
        ("command -> all delivered p50 / p99 (ms)",
         lambda r: f'{fmt(r["p50_ms"], 2)} / {fmt(r["p99_ms"], 2)}'),
        ("command -> ack p50 / p99 (ms)",
         lambda r: f'{fmt(r["ack_p50_ms"], 2)} / {fmt(r["ack_p99_ms"], 2)}'),
        ("late / timed out / refused / dropped",
         lambda r: f'{r["late"]} / {r["timed_out"]} / {r["refused"]} / {r["dropped"]}'),
        ("CPU us per delivered msg: nodes", lambda r: fmt(r["cpu_nodes_us_per_msg"])),
        ("                          nginx", lambda r: fmt(r["cpu_nginx_us_per_msg"])),
        ("                          PostgreSQL", lambda r: fmt(r["cpu_postgres_us_per_msg"])),
        ("                          sum (server side)", lambda r: fmt(r["cpu_server_us_per_msg"])),
        ("   (load tools, not in the sum)", lambda r: fmt(r["cpu_load_us_per_msg"])),
        ("CPU % of one core: nodes / nginx / PG / load",
         lambda r: " / ".join(fmt(r[f"cpu_{g}_pct"], 0) for g in ("nodes", "nginx", "postgres",
                                                                   "load"))),
        ("RSS per connection, nodes (KiB)", lambda r: fmt(r["rss_nodes_kib_per_conn"])),
        ("RSS (Pss) per connection, nginx (KiB)",
         lambda r: fmt(r["pss_nginx_kib_per_conn"]) if r["procs_nginx"] else "-"),
        ("nodes RSS at idle, total (MiB)", lambda r: fmt(r["rss_nodes_idle_mib"], 0)),
        ("PostgreSQL Pss, all processes (MiB)",
         lambda r: fmt(r["pss_postgres_end_mib"], 0) if r["procs_postgres"] else "-"),
        ("descriptors at peak, busiest node",
         lambda r: f'{fmt(r["fds_nodes_peak"])} ({r["procs_nodes"]} node(s))'),
        ("   busiest nginx process",
         lambda r: f'{fmt(r["fds_nginx_peak"])} ({r["procs_nginx"]} processes)'
         if r["procs_nginx"] else "-"),
        ("   busiest PostgreSQL process",
         lambda r: f'{fmt(r["fds_postgres_peak"])} ({r["procs_postgres"]} processes)'
         if r["procs_postgres"] else "-"),
        ("   busiest load process",
         lambda r: f'{fmt(r["fds_load_peak"])} ({r["procs_load"]} processes)'),
        ("measured window (s); 1-min load average, highest",
         lambda r: f'{fmt(r["window_s"], 1)}; {fmt(r["loadavg"], 2)}'),
    ]
    cells = [[label] + [f(r) for r in rows] for label, f in lines]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    out = []
    for n, c in enumerate(cells):
        out.append("| " + " | ".join(v.ljust(widths[i]) for i, v in enumerate(c)) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print("\n".join(out))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "sample":
        cpu_only = sys.argv[3] == "--cpu-only"
        sample(sys.argv[2], sys.argv[4 if cpu_only else 3:], cpu_only)
    elif command == "row":
        row(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif command == "table":
        table(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
