#!/usr/bin/env python3
"""Evaluates nwf's network vectors (`nwf conformance nets DIR`) with PyTorch and compares with the Java reference.

An independent implementation of SPEC.md section 5.1 (integer convolution, replicate padding, rounding shift, clamp)
in floating point, as DJL's PyTorch engine evaluates it: conv sum, rint, + bias + 2^(shift-1), floor(/2^shift), clamp.
Runs every case on the CPU and, when one is present, the GPU, in fp64, in fp32 with TF32 off and in fp32 with TF32 on
(PyTorch's and libtorch's default for cuDNN convolutions). fp64 must match everywhere; fp32 must match where the
manifest proves it exact (fp32Exact), fp32 with TF32 where it proves that (tf32Exact). A synthetic layer whose
operands need 12 bits shows what TF32 does when the proof fails. Prints a table; exits 1 on a required mismatch.

usage: check_nets.py DIR [--time]
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.numpy import load_file


def evaluate(layers, tensors, x0, device, dtype):
    x0 = x0.to(device, dtype)
    x = x0
    for i, l in enumerate(layers):
        inp = torch.cat([x, x0], 1) if l["withNetInput"] and i > 0 else x
        w = torch.from_numpy(tensors[f"layer{i}.weight"].astype(np.float64)).to(device, dtype)
        b = torch.from_numpy(tensors[f"layer{i}.bias"].astype(np.float64)).to(device, dtype).view(1, -1, 1, 1)
        k, d, shift = l["kernel"], l["dilation"], l["shift"]
        r = (k // 2) * d
        if r:
            inp = F.pad(inp, (r, r, r, r), mode="replicate")
        acc = F.conv2d(inp, w, dilation=d).round() + b + ((1 << (shift - 1)) if shift else 0)
        y = torch.floor(acc / float(1 << shift))
        lo = l.get("clampLo")
        hi = l.get("clampHi")
        if lo is not None or hi is not None:
            y = y.clamp(min=lo, max=hi)
        x = y
    return x[0].double().cpu().round().to(torch.int64).numpy()


def modes():
    out = [("cpu", "fp64", torch.float64, False), ("cpu", "fp32", torch.float32, False)]
    if torch.cuda.is_available():
        out += [("cuda", "fp64", torch.float64, False), ("cuda", "fp32", torch.float32, False),
                ("cuda", "fp32-tf32", torch.float32, True)]
    return out


def required(case, mode):
    return {"fp64": True, "fp32": case["fp32Exact"], "fp32-tf32": case["tf32Exact"]}[mode]


def synthetic_tf32_case(rng):
    """One 3x3 layer 64 -> 64 (large enough for tensor-core kernels), inputs up to 4095 (12 bits), weights -1..1:
    fp32-exact accumulators, inputs not exact in TF32."""
    cin, cout, h, w = 64, 64, 128, 128
    tensors = {
        "layer0.weight": rng.integers(-1, 2, size=(cout, cin, 3, 3)).astype(np.int32),
        "layer0.bias": np.zeros(cout, dtype=np.int32),
        "input": rng.integers(-4095, 4096, size=(cin, h, w)).astype(np.int32),
    }
    layers = [{"kernel": 3, "dilation": 1, "shift": 0, "withNetInput": False}]
    bound = 4095 * (np.abs(tensors["layer0.weight"]).reshape(cout, -1).sum(1).max())
    case = {"name": "synthetic.tf32-operands-12bit", "layers": layers, "fp32Exact": bool(bound < 2 ** 24), "tf32Exact": False}
    x0 = torch.from_numpy(tensors["input"].astype(np.float64))[None]
    tensors["expected"] = evaluate(layers, tensors, x0, "cpu", torch.float64)
    return case, tensors


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    manifest = json.load(open(f"{root}/manifest.json"))
    print(f"torch {torch.__version__}, cuda {torch.version.cuda}, device "
          f"{torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'none'}")
    items = []
    for case in manifest["cases"]:
        items.append((case, load_file(f"{root}/{case['file']}")))
    items.append(synthetic_tf32_case(np.random.default_rng(7)))
    ms = modes()
    print(f"{'case':44s} " + " ".join(f"{d + '-' + p:>15s}" for d, p, _, _ in ms))
    failures = 0
    for case, t in items:
        x0 = torch.from_numpy(t["input"].astype(np.float64))[None]
        cells = []
        for dev, name, dtype, tf32 in ms:
            if dev == "cuda":
                torch.backends.cudnn.allow_tf32 = tf32
            got = evaluate(case["layers"], t, x0, dev, dtype)
            bad = int((got != t["expected"].astype(np.int64)).sum())
            if bad and required(case, name):
                failures += 1
                cells.append(f"FAIL {bad}")
            elif bad:
                cells.append(f"inexact {bad}")
            else:
                cells.append("exact")
        print(f"{case['name']:44s} " + " ".join(f"{c:>15s}" for c in cells))
    torch.backends.cudnn.allow_tf32 = True
    if torch.cuda.is_available():
        tf32_in_use()
    if "--time" in sys.argv and torch.cuda.is_available():
        timing(items)
    print(f"{len(items)} cases, {failures} required mismatches")
    return 1 if failures else 0


def tf32_in_use():
    """Whether this GPU's fp32 convolutions differ with TF32 allowed (they round operands to 10 mantissa bits)."""
    g = torch.Generator().manual_seed(1)
    for cin, cout, side in ((16, 16, 256), (64, 64, 128)):
        x = torch.randn(1, cin, side, side, generator=g).cuda()
        w = torch.randn(cout, cin, 3, 3, generator=g).cuda()
        outs = []
        for tf32 in (False, True):
            torch.backends.cudnn.allow_tf32 = tf32
            outs.append(F.conv2d(x, w, padding=1))
        torch.backends.cudnn.allow_tf32 = True
        print(f"fp32 conv {cin}->{cout} on {side}x{side} random floats, TF32 allowed vs not: "
              f"{'differ (TF32 in use)' if not torch.equal(*outs) else 'identical'}")


def timing(items):
    """Prior-network throughput on a 1024x1024 level already on the GPU, fp32 and fp64, outputs copied back."""
    case, t = next((c, t) for c, t in items if c["name"].endswith(".prior.call0") and "nwf" in c["name"])
    torch.backends.cudnn.benchmark = True
    cpu = torch.randint(-294, 295, (1, t["input"].shape[0], 1024, 1024), dtype=torch.float64)
    for name, dtype in (("fp32", torch.float32), ("fp64", torch.float64)):
        x0 = cpu.to("cuda", dtype)
        evaluate(case["layers"], t, x0, "cuda", dtype)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        reps = 10
        for _ in range(reps):
            evaluate(case["layers"], t, x0, "cuda", dtype)
        torch.cuda.synchronize()
        dt = (time.perf_counter() - t0) / reps
        print(f"timing {case['net']} 1024x1024 {name}: {dt * 1e3:.1f} ms per call, {1.048576 / dt:.1f} MP/s")


if __name__ == "__main__":
    sys.exit(main())
