# Energy over the load window from reasonbench's NVML meter (probe.txt) and from nvidia-smi's
# power.draw samples (smi.csv, integrated with the trapezoid rule). Prints both and the ratio.
import sys, datetime
probe, smi, load = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = t1 = None
for line in open(load):
    if line.startswith("load_start"): t0 = float(line.split()[1])
    if line.startswith("load_end"): t1 = float(line.split()[1])
def interp(points, t):
    for (ta, va), (tb, vb) in zip(points, points[1:]):
        if ta <= t <= tb:
            return va + (vb - va) * (t - ta) / (tb - ta)
    raise SystemExit(f"time {t} outside the samples")
meter = [(float(p[1]), float(p[2])) for p in (l.split() for l in open(probe)) if p and p[0] == "sample"]
e_meter = interp(meter, t1) - interp(meter, t0)
power = []
for line in open(smi):
    stamp, watts = [x.strip() for x in line.split(",")[:2]]
    t = datetime.datetime.strptime(stamp, "%Y/%m/%d %H:%M:%S.%f").timestamp()
    power.append((t, float(watts)))
power = [p for p in power if t0 - 1 <= p[0] <= t1 + 1]
e_smi = 0.0
for (ta, wa), (tb, wb) in zip(power, power[1:]):
    a, b = max(ta, t0), min(tb, t1)
    if b > a:
        wa2 = wa + (wb - wa) * (a - ta) / (tb - ta)
        wb2 = wa + (wb - wa) * (b - ta) / (tb - ta)
        e_smi += (b - a) * (wa2 + wb2) / 2
print(f"window_seconds {t1 - t0:.2f}")
print(f"meter_joules {e_meter:.1f} mean_watts {e_meter / (t1 - t0):.1f}")
print(f"nvidia_smi_joules {e_smi:.1f} mean_watts {e_smi / (t1 - t0):.1f} samples {len(power)}")
print(f"ratio_meter_over_smi {e_meter / e_smi:.4f} difference_percent {100 * (e_meter - e_smi) / e_smi:.2f}")
