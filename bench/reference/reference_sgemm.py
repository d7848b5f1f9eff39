"""PyTorch's float32 matrix-multiply throughput on this machine: the limit its BLAS sets the reference's ACE.

The same measurement as dnnc's `limits` benchmark (GEMMs only, no bias or activation): the decoder's products with
ROWS rows (20 -> 128 -> 256 -> 512 -> 784 by default, ~1.136 MFLOP a row) and one SQUARE^3 product as the peak, on
the threads reference_pipeline.py gives torch (torch.set_num_threads). Medians of REPEATS samples after a warm-up.

usage: python reference_sgemm.py [--widths 20,128,256,512,784] [--rows 1000] [--square 2048] [--threads 2] [--repeats 3]
prints: decoder_gflop_per_s=.. peak_gflop_per_s=.. threads=..
"""
import argparse
import statistics
import time

import torch

SAMPLE_FLOPS = 6e9  # work per timed sample, as dnnc's limits benchmark: long enough for a stable median


def chain_gflop_per_s(rows, widths, repeats):
    """GFLOP/s of activation l+1 = activation l @ weight l through every layer, into preallocated outputs."""
    generator = torch.Generator().manual_seed(0)
    activations = [torch.rand(rows, w, generator=generator) for w in widths]
    weights = [(torch.rand(i, o, generator=generator) - 0.5) * (2 / i ** 0.5) for i, o in zip(widths, widths[1:])]
    flops = sum(2.0 * rows * i * o for i, o in zip(widths, widths[1:]))
    calls = max(1, round(SAMPLE_FLOPS / flops))

    def sample():
        started = time.perf_counter()
        for _ in range(calls):
            for layer, weight in enumerate(weights):
                torch.matmul(activations[layer], weight, out=activations[layer + 1])
        return time.perf_counter() - started

    sample()  # warm-up: thread pool, BLAS buffers
    return calls * flops / statistics.median(sample() for _ in range(repeats)) / 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--widths", default="20,128,256,512,784")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--square", type=int, default=2048)
    parser.add_argument("--threads", type=int, default=2, help="as reference_pipeline.py")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    widths = [int(w) for w in args.widths.split(",")]
    with torch.inference_mode():
        decoder = chain_gflop_per_s(args.rows, widths, args.repeats)
        peak = chain_gflop_per_s(args.square, [args.square, args.square], args.repeats)
    print(f"decoder_gflop_per_s={decoder:.2f} peak_gflop_per_s={peak:.2f} threads={torch.get_num_threads()}", flush=True)


if __name__ == "__main__":
    main()
