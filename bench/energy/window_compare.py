# A run window's energy as reasonbench stored it (run_windows.energy_j, NVML) against nvidia-smi's
# power.draw samples (smi.csv) integrated with the trapezoid rule over the same window
# (run_windows.started_at .. ended_at). Also prints how the energy was attributed.
#   python3 window_compare.py RESULTS.db SMI.csv
import datetime, sqlite3, sys
db, smi = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
started, ended, wall, energy, idle, method, devices, conc = con.execute(
    "SELECT started_at, ended_at, wall_s, energy_j, idle_j, energy_method, devices_json, max_concurrency "
    "FROM run_windows ORDER BY id DESC LIMIT 1").fetchone()
def utc(stamp):
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
t0, t1 = utc(started), utc(ended)
power = []
for line in open(smi):
    stamp, watts = [x.strip() for x in line.split(",")[:2]]
    t = datetime.datetime.strptime(stamp, "%Y/%m/%d %H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()
    power.append((t, float(watts)))
power = [p for p in power if t0 - 1 <= p[0] <= t1 + 1]
e_smi = 0.0
for (ta, wa), (tb, wb) in zip(power, power[1:]):
    a, b = max(ta, t0), min(tb, t1)
    if b > a:
        wa2 = wa + (wb - wa) * (a - ta) / (tb - ta)
        wb2 = wa + (wb - wa) * (b - ta) / (tb - ta)
        e_smi += (b - a) * (wa2 + wb2) / 2
attributed, samples, tokens = con.execute(
    "SELECT sum(energy_j), count(energy_j), sum(completion_tokens) FROM samples WHERE energy_j IS NOT NULL").fetchone()
print(f"window {started} .. {ended} wall_s {wall:.2f} (timestamps {t1 - t0:.2f} s) max_concurrency {conc}")
print(f"meter {method} joules {energy:.1f} mean_watts {energy / wall:.1f} idle_joules {idle:.1f} devices {devices}")
print(f"nvidia_smi_joules {e_smi:.1f} mean_watts {e_smi / (t1 - t0):.1f} samples {len(power)}")
print(f"difference_percent {100 * (energy - e_smi) / e_smi:.2f}")
print(f"attributed_joules {attributed:.1f} over {samples} samples, {tokens} output tokens, "
      f"{attributed / tokens:.3f} J/output token; attributed + idle = {attributed + idle:.1f}")
