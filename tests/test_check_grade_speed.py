"""The grader's own cost (issue 15: a warm check within 1.3x of its training): predictions by
direct calls where that skips predict()'s tracing, the same values as predict()."""

from __future__ import annotations

import numpy as np
import pytest

from drill.check.grader import layer_types, predict


@pytest.mark.slow
def test_direct_predictions_equal_predict_and_recurrent_models_keep_predict():
    from drill.check.harness import import_tensorflow_quietly

    tf, keras = import_tensorflow_quietly()
    keras.utils.set_random_seed(0)
    dense = keras.Sequential([keras.Input((6,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dropout(0.5), keras.layers.Dense(3, activation="softmax")])
    x = np.random.default_rng(0).normal(size=(600, 6))  # three batches, the last one short
    got = predict(dense, x, layer_types(dense))
    assert got.shape == (600, 3)
    np.testing.assert_allclose(got, dense.predict(x, verbose=0, batch_size=256), rtol=1e-5, atol=1e-6)  # dropout off

    recurrent = keras.Sequential([keras.Input((5, 2)), keras.layers.LSTM(4), keras.layers.Dense(1)])
    calls = []
    real = recurrent.predict
    recurrent.predict = lambda *a, **k: calls.append(1) or real(*a, **k)
    seq = np.random.default_rng(1).normal(size=(10, 5, 2)).astype("float32")
    assert predict(recurrent, seq, layer_types(recurrent)).shape == (10, 1) and calls == [1]
