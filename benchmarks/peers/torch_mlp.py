#!/usr/bin/python3
"""PyTorch CPU, 1 thread: MLP training throughput on California housing.

Data: the CSV given by --csv, by default core's copy of California housing
(core/src/test/resources/california_housing.csv in this repository). 7 features
longitude, latitude, housing_median_age, total_rooms, population, households,
median_income (total_bedrooms dropped), target median_house_value. Shuffled
80/20 split (seed 42) -> 16,512 training rows; features and target standardized
with training statistics. With --random, 16,512 rows of N(0,1) features and a
random linear+noise target are used instead.

Model: Linear layers, glorot-uniform weights, zero biases, hidden activation,
linear output; Adam lr 1e-3 (defaults otherwise), MSE loss. Each epoch
reshuffles and walks the whole training set in mini-batches.

Each fit runs --epochs epochs (default 20). Epoch 1 is the warm-up; throughput
is samples/s over epochs 2..N (wall time of full epochs, data gather included).
Each configuration is fit --fits times; best and median are printed, plus the
hold-out RMSE (original units) of the last fit.
"""
import argparse, os, statistics, time
import numpy as np
import torch
from torch import nn

FEATURES = ["longitude", "latitude", "housing_median_age", "total_rooms",
            "population", "households", "median_income"]
TARGET = "median_house_value"


def load(csv, random):
    rng = np.random.default_rng(42)
    if random:
        n = 20640
        X = rng.standard_normal((n, 7))
        y = X @ rng.standard_normal(7) + 0.1 * rng.standard_normal(n)
    else:
        cols = open(csv).readline().strip().split(",")
        use = [cols.index(c) for c in FEATURES + [TARGET]]
        d = np.genfromtxt(csv, delimiter=",", skip_header=1, usecols=use)
        X, y = d[:, :7], d[:, 7]
    perm = rng.permutation(len(y))
    ntr = int(round(0.8 * len(y)))               # 16,512 of 20,640
    tr, te = perm[:ntr], perm[ntr:]
    mx, sx = X[tr].mean(0), X[tr].std(0)
    my, sy = y[tr].mean(), y[tr].std()
    f = lambda a: torch.tensor(a, dtype=torch.float32)
    return (f((X[tr] - mx) / sx), f((y[tr] - my) / sy).unsqueeze(1),
            f((X[te] - mx) / sx), f((y[te] - my) / sy).unsqueeze(1), sy)


def mlp(sizes, act):
    layers = []
    for i in range(len(sizes) - 1):
        lin = nn.Linear(sizes[i], sizes[i + 1])
        nn.init.xavier_uniform_(lin.weight)
        nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def fit(data, sizes, act, batch, epochs, seed):
    Xtr, ytr, Xte, yte, sy = data
    torch.manual_seed(seed)
    model = mlp(sizes, act)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    n = len(ytr)
    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            xb, yb = Xtr[idx], ytr[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    with torch.no_grad():
        rmse = float(loss_fn(model(Xte), yte)) ** 0.5 * sy
    timed = times[1:]                             # epoch 1 = warm-up
    return n * len(timed) / sum(timed), rmse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../core/src/test/resources/california_housing.csv"))
    ap.add_argument("--random", action="store_true", help="random standardized data instead of the CSV")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--fits", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    data = load(a.csv, a.random)
    print(f"# torch {torch.__version__}, numpy {np.__version__}, threads {torch.get_num_threads()}, "
          f"{'random data' if a.random else a.csv}, {len(data[1])} train rows, "
          f"{a.epochs} epochs (1 warm-up), {a.fits} fits")
    cap = [l.strip() for l in torch.__config__.show().splitlines() if "CPU capability" in l]
    blas = [l.split("BLAS_INFO=")[1].split(",")[0] for l in torch.__config__.show().splitlines() if "BLAS_INFO=" in l]
    print(f"# {torch.__config__.parallel_info().splitlines()[-1].strip()}; {cap[0] if cap else ''}; "
          f"BLAS_INFO={blas[0] if blas else '?'} (system libblas)")
    print(f"{'model':<18}{'batch':>6}{'best samples/s':>16}{'median':>10}{'RMSE(last fit)':>16}   all fits")
    for sizes, act, batch in [((7, 64, 32, 1), nn.ReLU, 32),
                              ((7, 64, 32, 1), nn.ReLU, 128),
                              ((7, 128, 64, 32, 1), nn.Tanh, 32)]:
        res = [fit(data, sizes, act, batch, a.epochs, seed) for seed in range(a.fits)]
        sps = sorted(r[0] for r in res)
        name = "-".join(map(str, sizes)) + " " + act.__name__.lower()
        print(f"{name:<18}{batch:>6}{sps[-1]:>16,.0f}{statistics.median(sps):>10,.0f}"
              f"{res[-1][1]:>16,.{0 if res[-1][1] > 100 else 3}f}   " + " ".join(f"{s/1e3:.1f}k" for s in sps), flush=True)


if __name__ == "__main__":
    main()
