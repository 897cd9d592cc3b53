"""The reference grid in scikit-learn: GridSearchCV over MLPRegressor.

The grid is the 72 candidates of examples/california-housing (hidden layers x activation x solver x
learning rate x batch size).

California housing, the 7 numeric features left after dropping total_bedrooms and ocean_proximity;
features and target standardized inside each training fold (Pipeline + TransformedTargetRegressor);
3-fold shuffled KFold (seed 42); 20 epochs (max_iter=20, no early stop); SGD momentum 0.9 without
Nesterov, Adam defaults; no L2 (alpha=0). Scoring: MSE in original units. Prints one JSON line in
the shape of dev.lanes.bench.ReferenceGrid's.
"""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.neural_network import MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def main(csv, jobs):
    data = pd.read_csv(csv).drop(columns=["total_bedrooms", "ocean_proximity"])
    y = data.pop("median_house_value").to_numpy(dtype=np.float64)
    x = data.to_numpy(dtype=np.float64)
    mlp = MLPRegressor(max_iter=20, alpha=0.0, momentum=0.9, nesterovs_momentum=False,
                       n_iter_no_change=10**6, random_state=0)
    model = TransformedTargetRegressor(regressor=make_pipeline(StandardScaler(), mlp),
                                       transformer=StandardScaler())
    p = "regressor__mlpregressor__"
    grid = {
        p + "hidden_layer_sizes": [(64,), (64, 32), (128, 64, 32)],
        p + "activation": ["relu", "tanh", "logistic"],
        p + "solver": ["sgd", "adam"],
        p + "learning_rate_init": [0.001, 0.01],
        p + "batch_size": [32, 128],
    }
    search = GridSearchCV(model, grid, cv=KFold(3, shuffle=True, random_state=42),
                          scoring="neg_mean_squared_error", n_jobs=jobs, refit=False)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        search.fit(x, y)
    wall = time.perf_counter() - start
    best = {k[len(p):]: v for k, v in search.best_params_.items()}
    print(json.dumps({"configs": len(search.cv_results_["params"]), "fits": 3 * len(search.cv_results_["params"]),
                      "parallelism": jobs, "wall_s": round(wall, 3),
                      "best_rmse": round(float(np.sqrt(-search.best_score_)), 1), "best_params": best,
                      "sklearn": __import__("sklearn").__version__}, default=str))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2)
