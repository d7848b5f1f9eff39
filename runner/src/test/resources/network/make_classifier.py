"""Makes the fixture classifier the network workflow's end-to-end test analyses, and its data.

Run with torch, onnx and numpy (see README, "Analyse your own network", for the offline install):
    python make_classifier.py                         writes classifier.onnx, classifier_X.npy, classifier_y.npy,
                                                      classifier_reference.json (PyTorch's accuracy on those rows)
                                                      and two_inputs.onnx (a model with two inputs) here
    python make_classifier.py --mlp OUT_DIR           the README's 784-256-128-10 MLP and 2,000 held-out digits instead
The digits are dnnc's embedded 10,000 MNIST digits: the first 8,000 train, rows are taken from the last 2,000. The
fixture classifier reads 7 x 7 digits (4 x 4 average pooling of the 28 x 28 images) flattened to 49 features:
49 -> 24 ReLU -> 16 ReLU -> 10 logits, small enough for a test to run the whole workflow in seconds.
"""
import gzip
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "..", "..", "..", "plugins", "src", "main", "resources", "dnnc", "data", "mnist-10k")


def idx(name, offset):
    with gzip.open(os.path.join(DIGITS, name)) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def digits():
    images = idx("images-idx3-ubyte.gz", 16).reshape(-1, 28, 28).astype(np.float32) / 255.0
    labels = idx("labels-idx1-ubyte.gz", 8).astype(np.int64)
    return images, labels


class TwoInputs(nn.Module):
    """x and a mask over its features: a model dnnc cannot feed without being told which input is the data."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(49, 10)

    def forward(self, x, mask):
        return self.fc(torch.relu(x * mask))


def train(model, x, y, epochs, seed):
    torch.manual_seed(seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    for _ in range(epochs):
        order = torch.randperm(len(xt))
        for start in range(0, len(xt), 64):
            batch = order[start:start + 64]
            optimiser.zero_grad()
            loss = nn.functional.cross_entropy(model(xt[batch]), yt[batch])
            loss.backward()
            optimiser.step()
    return model.eval()


def export(model, example, path):
    torch.onnx.export(model, torch.from_numpy(example[:1]), path, input_names=["x"], output_names=["logits"],
                      dynamic_axes={"x": {0: "batch"}, "logits": {0: "batch"}}, opset_version=17, dynamo=False)


def accuracy(model, x, y):
    with torch.no_grad():
        return float((model(torch.from_numpy(x)).argmax(1).numpy() == y).mean())


def main():
    images, labels = digits()
    torch.manual_seed(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--mlp":
        out = sys.argv[2]
        x = images.reshape(-1, 784)
        model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
        train(model, x[:8000], labels[:8000], epochs=5, seed=0)
        export(model, x, os.path.join(out, "mlp.onnx"))
        np.save(os.path.join(out, "mlp_X.npy"), x[8000:])
        np.save(os.path.join(out, "mlp_y.npy"), labels[8000:])
        print("784-256-128-10 MLP, held-out accuracy", accuracy(model, x[8000:], labels[8000:]))
        return
    x = images.reshape(-1, 7, 4, 7, 4).mean(axis=(2, 4)).reshape(-1, 49).astype(np.float32)
    model = nn.Sequential(nn.Linear(49, 24), nn.ReLU(), nn.Linear(24, 16), nn.ReLU(), nn.Linear(16, 10))
    train(model, x[:8000], labels[:8000], epochs=8, seed=0)
    export(model, x, os.path.join(HERE, "classifier.onnx"))
    np.save(os.path.join(HERE, "classifier_X.npy"), x[8000:8300])
    np.save(os.path.join(HERE, "classifier_y.npy"), labels[8000:8300])
    reference = {"rows": 300, "accuracy": accuracy(model, x[8000:8300], labels[8000:8300])}
    with open(os.path.join(HERE, "classifier_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)
    print("fixture classifier", reference)
    two = TwoInputs().eval()
    torch.onnx.export(two, (torch.zeros(1, 49), torch.ones(1, 49)), os.path.join(HERE, "two_inputs.onnx"), input_names=["x", "mask"],
                      output_names=["logits"], dynamic_axes={"x": {0: "batch"}, "mask": {0: "batch"}}, opset_version=17, dynamo=False)


if __name__ == "__main__":
    main()
