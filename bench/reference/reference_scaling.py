"""SciPy's spearmanr, scikit-learn's affinity propagation and SciPy's kendalltau on N synthetic neurons.

The neurons are driven by 20 latent factors through a ReLU, as dnnc's clustering benchmark builds them:
X = max(F W + 0.5 E, 0) + 1e-3 E'. SciPy has no Kendall matrix, so kendalltau is called pair by pair (what a
user would write) on the first --kendall-columns neurons and its time scaled to all N (N - 1) / 2 pairs.

usage: python reference_scaling.py N [SAMPLES] [--kendall-columns K]
prints: N=.. samples=.. spearman_s=.. ap_s=.. iters=.. clusters=.. maxrss_GB=.. [kendall_s=.. kendall_pairs_timed=..]
"""
import argparse
import resource
import time

import numpy as np
from scipy.stats import kendalltau, spearmanr
from sklearn.cluster import AffinityPropagation


def synthetic_neurons(neurons, samples, rng):
    factors = rng.standard_normal((samples, 20))
    weights = rng.standard_normal((20, neurons))
    x = np.maximum(factors @ weights + 0.5 * rng.standard_normal((samples, neurons)), 0)
    return x + 1e-3 * rng.standard_normal((samples, neurons))


def kendall_seconds(x, columns):
    """Seconds for all pairs of x's columns, from the time of the pairs among the first `columns`."""
    n = x.shape[1]
    started = time.perf_counter()
    pairs = 0
    for j in range(columns):
        for k in range(j + 1, columns):
            kendalltau(x[:, j], x[:, k])
            pairs += 1
    elapsed = time.perf_counter() - started
    return elapsed / pairs * n * (n - 1) / 2, pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("neurons", type=int)
    parser.add_argument("samples", type=int, nargs="?", default=1000)
    parser.add_argument("--kendall-columns", type=int, default=0)
    args = parser.parse_args()
    x = synthetic_neurons(args.neurons, args.samples, np.random.default_rng(0))

    started = time.perf_counter()
    similarity = spearmanr(x).statistic
    spearman = time.perf_counter() - started
    started = time.perf_counter()
    fit = AffinityPropagation(affinity="precomputed", random_state=0, max_iter=200).fit(similarity)
    ap = time.perf_counter() - started
    line = (f"N={args.neurons} samples={args.samples} spearman_s={spearman:.3f} ap_s={ap:.3f} iters={fit.n_iter_} "
            f"clusters={len(fit.cluster_centers_indices_)} "
            f"maxrss_GB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f}")
    if args.kendall_columns > 1:
        seconds, pairs = kendall_seconds(x, min(args.kendall_columns, args.neurons))
        line += f" kendall_s={seconds:.3f} kendall_pairs_timed={pairs}"
    print(line, flush=True)


if __name__ == "__main__":
    main()
