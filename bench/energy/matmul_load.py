# A known GPU workload for the energy check: bf16 matrix products for N seconds, bracketed by
# wall-clock timestamps (printed as "load_start T" and "load_end T").
import sys, time
import torch
seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30
a = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
b = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
for _ in range(3):
    a @ b
torch.cuda.synchronize()
print(f"load_start {time.time():.3f}", flush=True)
end = time.time() + seconds
n = 0
while time.time() < end:
    for _ in range(20):
        c = a @ b
    torch.cuda.synchronize()
    n += 20
print(f"load_end {time.time():.3f} products {n}", flush=True)
