"""The study's work as a user would write it in PyTorch + scikit-learn + SciPy, timed stage by stage.

Trains the conditional beta-VAE (batch 128, Adam) and a judge on the first 8,000 digits, measures the
decoder's forward throughput with every layer's activations, estimates the ACE of z_1 on all 1,700 decoder
neurons (7 alphas x N draws, the same draws for every alpha), then runs Spearman + affinity propagation per
alpha on activation and per-draw ACE features. Prints each stage's seconds and writes them as JSON.

usage: python reference_pipeline.py DATA_DIR [--epochs E] [--samples N] [--threads T] [--out FILE]
DATA_DIR holds images-idx3-ubyte.gz and labels-idx1-ubyte.gz (dnnc bench copies its embedded digits there).
"""
import argparse
import gzip
import json
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from scipy.stats import spearmanr
from sklearn.cluster import AffinityPropagation

LATENTS, CLASSES, PIXELS = 10, 10, 784
TRAIN = 8000
BATCH = 128


class StageTimes(dict):
    def timed(self, name, started):
        self[name] = round(time.perf_counter() - started, 3)
        print(f"[{name}] {self[name]} s", flush=True)


def read_idx(folder):
    with gzip.open(f"{folder}/images-idx3-ubyte.gz") as f:
        _, count, rows, cols = struct.unpack(">IIII", f.read(16))
        images = np.frombuffer(f.read(), np.uint8).reshape(count, rows * cols)
    with gzip.open(f"{folder}/labels-idx1-ubyte.gz") as f:
        struct.unpack(">II", f.read(8))
        labels = np.frombuffer(f.read(), np.uint8)
    return images.astype(np.float32) / 255.0, labels.astype(np.int64)


def one_hot(labels):
    return F.one_hot(labels, CLASSES).float()


class ConditionalVae(nn.Module):
    """Encoder 794-512-256-128 (ReLU) -> mu, logvar; decoder 20-128-256-512 (ReLU) -> 784 (sigmoid)."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(PIXELS + CLASSES, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(),
                                     nn.Linear(256, 128), nn.ReLU())
        self.mu = nn.Linear(128, LATENTS)
        self.logvar = nn.Linear(128, LATENTS)
        self.decoder = nn.ModuleList([nn.Linear(LATENTS + CLASSES, 128), nn.Linear(128, 256), nn.Linear(256, 512),
                                      nn.Linear(512, PIXELS)])

    def decode(self, zc, all_layers=False):
        layers = [zc]
        h = zc
        for i, linear in enumerate(self.decoder):
            h = linear(h)
            h = torch.sigmoid(h) if i == len(self.decoder) - 1 else F.relu(h)
            layers.append(h)
        return layers if all_layers else h

    def forward(self, x, c):
        e = self.encoder(torch.cat([x, c], 1))
        mu, logvar = self.mu(e), self.logvar(e)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.decode(torch.cat([z, c], 1)), mu, logvar


def train_vae(x, y, epochs, beta):
    model = ConditionalVae()
    adam = torch.optim.Adam(model.parameters(), 1e-3)
    for epoch in range(epochs):
        order = torch.randperm(len(x))
        total = 0.0
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            xb = x[batch]
            reconstruction, mu, logvar = model(xb, one_hot(y[batch]))
            bce = F.binary_cross_entropy(reconstruction, xb, reduction="sum") / len(batch)
            kl = -0.5 * torch.sum(1 + logvar - mu ** 2 - logvar.exp()) / len(batch)
            loss = bce + beta * kl
            adam.zero_grad()
            loss.backward()
            adam.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch} loss {total / len(x):.2f}", flush=True)
    return model.eval()


def train_judge(x, y, epochs=5):
    judge = nn.Sequential(nn.Linear(PIXELS, 256), nn.ReLU(), nn.Linear(256, CLASSES))
    adam = torch.optim.Adam(judge.parameters(), 1e-3)
    for _ in range(epochs):
        order = torch.randperm(len(x))
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            loss = F.cross_entropy(judge(x[batch]), y[batch])
            adam.zero_grad()
            loss.backward()
            adam.step()
    return judge


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--samples", type=int, default=1000, help="draws per alpha for the ACE")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beta", type=float, default=10.0)
    parser.add_argument("--out", default="reference_out.json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    times = StageTimes()

    images, labels = read_idx(args.data)
    x, y = torch.tensor(images[:TRAIN]), torch.tensor(labels[:TRAIN])

    started = time.perf_counter()
    model = train_vae(x, y, args.epochs, args.beta)
    times.timed("train_cvae", started)
    times["train_epoch"] = round(times["train_cvae"] / args.epochs, 3)

    started = time.perf_counter()
    judge = train_judge(x, y)
    with torch.no_grad():
        held_out = judge(torch.tensor(images[TRAIN:])).argmax(1)
    times.timed("train_judge", started)
    times["judge_acc"] = round((held_out == torch.tensor(labels[TRAIN:])).float().mean().item(), 4)

    digit, latent, alphas, draws = 5, 1, list(range(-3, 4)), args.samples
    with torch.no_grad():
        zc = torch.cat([torch.randn(10000, LATENTS), one_hot(torch.full((10000,), digit))], 1)
        model.decode(zc, all_layers=True)  # warm-up
        repeats = 20
        started = time.perf_counter()
        for _ in range(repeats):
            model.decode(zc, all_layers=True)
        times["decoder_fwd_samples_per_s"] = round(repeats * 10000 / (time.perf_counter() - started))

        started = time.perf_counter()
        noise = torch.randn(draws, LATENTS, generator=torch.Generator().manual_seed(1))
        condition = one_hot(torch.full((draws,), digit))
        activations = {}
        for alpha in alphas:
            z = noise.clone()
            z[:, latent] = alpha
            activations[alpha] = torch.cat(model.decode(torch.cat([z, condition], 1), all_layers=True), 1).numpy()
        baseline = np.mean([activations[a] for a in alphas], 0)
        effects = {a: activations[a] - baseline for a in alphas}
        ace = {a: effects[a].mean(0) for a in alphas}
        times.timed("ace_z1", started)

    spearman_seconds = ap_seconds = 0.0
    clusters = {}
    for kind, features in (("act", activations), ("ace", effects)):
        for alpha in alphas:
            f = features[alpha]
            live = f.std(0) > 1e-12
            started = time.perf_counter()
            similarity = spearmanr(f[:, live]).statistic
            spearman_seconds += time.perf_counter() - started
            started = time.perf_counter()
            fit = AffinityPropagation(affinity="precomputed", random_state=0, max_iter=1000).fit(similarity)
            ap_seconds += time.perf_counter() - started
            centers = fit.cluster_centers_indices_
            clusters[f"{kind}{alpha}"] = -1 if centers is None else int(len(centers))
            times["live_neurons"] = int(live.sum())
    times["spearman_total"] = round(spearman_seconds, 3)
    times["ap_total"] = round(ap_seconds, 3)
    times["clusters"] = clusters
    del ace
    with open(args.out, "w") as f:
        json.dump(times, f, indent=1)
    print(json.dumps(times))


if __name__ == "__main__":
    main()
