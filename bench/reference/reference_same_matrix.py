"""scikit-learn's affinity propagation on the very similarity matrix dnnc's clustering benchmark solved.

Same settings as dnnc's bench (precomputed, median preference, damping 0.5, at most 200 iterations, seed 0), so
the two runs take the same iterations and their times per iteration compare like for like; the labels are
compared with dnnc's.

usage: python reference_same_matrix.py SIMILARITY.npy LABELS.txt
prints: ap_s=.. iters=.. clusters=.. label_differences=..
"""
import sys
import time

import numpy as np
from sklearn.cluster import AffinityPropagation


def main():
    similarity = np.load(sys.argv[1])
    ours = np.loadtxt(sys.argv[2], dtype=int)
    started = time.perf_counter()
    fit = AffinityPropagation(affinity="precomputed", random_state=0, max_iter=200).fit(similarity)
    seconds = time.perf_counter() - started
    print(f"ap_s={seconds:.3f} iters={fit.n_iter_} clusters={len(fit.cluster_centers_indices_)} "
          f"label_differences={int((fit.labels_ != ours).sum())}", flush=True)


if __name__ == "__main__":
    main()
