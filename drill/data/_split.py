"""The one deterministic train / held-out split every drill data set goes through.

Public data functions return ``train``; the grader-only helpers (``exercises/_grader``) return ``heldout``.
The split depends on the data set's labels and a fixed seed, never on the caller.
"""

from __future__ import annotations

import numpy as np


def split(labels: np.ndarray, *, seed: int, heldout_frac: float, stratify: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(train_idx, heldout_idx)``: disjoint, sorted, together every index once.

    With ``stratify`` each class keeps its share in both parts (``labels`` are class ids);
    without it ``labels`` only gives the length.
    """
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels)
    groups = [np.flatnonzero(labels == c) for c in np.unique(labels)] if stratify else [np.arange(len(labels))]
    held = []
    for idx in groups:
        idx = rng.permutation(idx)
        held.append(idx[: int(round(len(idx) * heldout_frac))])
    heldout = np.sort(np.concatenate(held))
    train = np.setdiff1d(np.arange(len(labels)), heldout)
    return train, heldout
