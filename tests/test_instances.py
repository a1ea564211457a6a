"""Data instances: choosing one, rendering its task and starter, the CLI, and fairness.

Fairness (slow, real trainings, one seed here; the multi-seed runs are bench/bench_instances.py):
for every drill and instance the reference scores 5/5, the untouched starter below 3 or is
refused, and the reference cut to one epoch below 5. Fast: the held-out rows of every instance
are never among the rows its training function returns.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from drill.cli import main
from drill.content.exercises import exercises_root, load_exercises
from drill.content.fairness import reseeded, weakened
from helpers import heldout_data

from drill.content.instances import Instance, instance_in_code, pick_instance, render, set_instance_line, template_values

T0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
LOADED = load_exercises(exercises_root())
PAIRS = [(ex.id, inst) for ex in LOADED.exercises.values() for inst in ex.instance_ids]
PAIR_IDS = [f"{d}:{i}" for d, i in PAIRS]


# ---------------------------------------------------------------- choosing the instance
def day(n: int) -> datetime:
    return T0 + timedelta(days=n)


def test_untried_instances_come_first_in_the_drills_order():
    assert pick_instance(["a", "b", "c"], []) == "a"
    assert pick_instance(["a", "b", "c"], [("a", day(0), True)]) == "b"
    assert pick_instance(["a", "b", "c"], [("a", day(0), True), ("b", day(1), False)]) == "c"


def test_a_failed_instance_comes_back_before_a_solved_one():
    history = [("a", day(0), False), ("b", day(1), True), ("c", day(2), True)]
    assert pick_instance(["a", "b", "c"], history) == "a"


def test_the_one_solved_longest_ago_when_all_are_solved():
    history = [("a", day(0), True), ("b", day(1), True), ("c", day(2), True), ("a", day(3), True)]
    assert pick_instance(["a", "b", "c"], history) == "b"


def test_never_the_last_attempts_instance_when_another_exists():
    assert pick_instance(["a", "b"], [("b", day(0), True), ("a", day(1), False)]) == "b"
    assert pick_instance(["only"], [("only", day(0), False)]) == "only"


# ---------------------------------------------------------------- rendering
def test_render_fills_facts_and_refuses_unknown_names():
    inst = Instance(id="x", description="some data", facts={"shape": [10], "classes": 3})
    values = template_values("d", inst, "mae", [5.0, 4.0, 3.0, 2.0, 1.5], lower_is_better=True)
    assert render("in {{shape}}, {{ classes }} classes, bar {{bar5}}", values) == "in (10,), 3 classes, bar 1.5"
    assert "| MAE at most | 5 | 4 | 3 | 2 | 1.5 |" in render("{{bars_table}}", values)
    with pytest.raises(KeyError):
        render("{{nope}}", values)


def test_instance_line_is_rewritten_once_and_read_back():
    code = 'import x\nINSTANCE = "first"  # set by drill new\nprint(INSTANCE)\n'
    out = set_instance_line(code, "second")
    assert out == 'import x\nINSTANCE = "second"  # set by drill new\nprint(INSTANCE)\n'
    assert instance_in_code(out) == "second" and instance_in_code("print(1)") is None


@pytest.mark.parametrize("drill_id, instance", PAIRS, ids=PAIR_IDS)
def test_every_instance_renders_its_task_and_names_itself_in_the_starter(drill_id, instance):
    spec = LOADED.exercises[drill_id].spec(instance)
    text = spec.task_text()
    assert "{{" not in text
    if len(LOADED.exercises[drill_id].instances) > 1:
        assert instance_in_code(spec.starter_text()) == instance == instance_in_code(spec.solution_text())
        assert str(spec.metric.bars[-1]).rstrip("0").rstrip(".") in text or f"{spec.metric.bars[-1]:g}" in text


# Drills still on one data set (their instances are open work). The test below fails for a drill
# listed here once it has 3 instances, so the list only shrinks.
PENDING: set[str] = set()


@pytest.mark.parametrize("drill_id", sorted(LOADED.exercises))
def test_every_drill_lists_at_least_three_instances(drill_id, capsys):
    assert main(["instances", drill_id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["instances"]
    if drill_id in PENDING:
        assert len(rows) < 3, f"{drill_id} has {len(rows)} instances now: drop it from PENDING"
    else:
        assert len(rows) >= 3 and len({r["id"] for r in rows}) == len(rows)


def test_every_exam_category_has_four_drills_or_more():
    from collections import Counter

    counts = Counter(ex.category for ex in LOADED.exercises.values())
    assert counts["regression"] >= 4 and counts["classic"] >= 4 and counts["series"] >= 4, counts


# ---------------------------------------------------------------- the command line
def test_drill_instances_json_lists_them_with_best_scores(capsys):
    assert main(["instances", "linear-dense", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ids = [row["id"] for row in listed["instances"]]
    assert len(ids) >= 3 and ids == LOADED.exercises["linear-dense"].instance_ids
    assert all(row["best"] is None for row in listed["instances"]) and listed["instances"][0]["next"]


def test_two_fresh_attempts_in_a_row_get_different_instances(drill_home, capsys):
    from drill.attempts import Attempts
    from drill.store import Store

    assert main(["new", "linear-dense"]) == 0
    first = Path(capsys.readouterr().out.strip())
    with Store.open(drill_home) as store:
        attempts = Attempts(store, drill_home)
        attempts.close(attempts.latest("linear-dense").id)
    assert main(["new", "linear-dense"]) == 0
    second = Path(capsys.readouterr().out.strip())
    assert instance_in_code((first / "solution.py").read_text()) != instance_in_code((second / "solution.py").read_text())
    assert main(["new", "linear-dense", "--instance", "drawn-line"]) == 0
    third = Path(capsys.readouterr().out.strip())
    assert instance_in_code((third / "solution.py").read_text()) == "drawn-line"
    assert main(["instances", "linear-dense"]) == 0
    assert "drawn-line" in capsys.readouterr().out


@pytest.mark.parametrize("drill_id", sorted(LOADED.exercises))
def test_every_drill_gives_a_new_instance_to_the_next_fresh_attempt(drill_id, drill_home, capsys):
    from drill.attempts import Attempts
    from drill.store import Store

    seen = []
    for _ in range(2):
        assert main(["new", drill_id]) == 0
        workspace = Path(capsys.readouterr().out.strip())
        seen.append(instance_in_code((workspace / "starter.py").read_text()) if (workspace / "starter.py").exists()
                    else instance_in_code(next(workspace.glob("*.py")).read_text()))
        with Store.open(drill_home) as store:
            attempts = Attempts(store, drill_home)
            attempts.close(attempts.latest(drill_id).id)
    assert seen[0] != seen[1] and set(seen) <= set(LOADED.exercises[drill_id].instance_ids), seen


def test_an_unknown_instance_is_a_clear_error(capsys):
    assert main(["new", "linear-dense", "--instance", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no instance 'nope'" in err and "two-x-minus-one" in err


# ---------------------------------------------------------------- held-out rows stay held out
def _rows(a: np.ndarray) -> set[bytes]:
    a = np.ascontiguousarray(np.asarray(a, dtype=np.float32))
    return {r.tobytes() for r in a.reshape(len(a), -1)}


def _line(instance):
    from drill.data import tabular
    from helpers import heldout_data

    _heldout = heldout_data()
    x, _ = tabular.line_points(instance)
    return x, _heldout.line(instance)[0]


def _linear_rows(instance):
    from drill.data import tabular

    return tabular.linear_rows(instance)[0], heldout_data().linear_rows(instance)[0]


def _table(instance):
    from drill.data import tables

    return tables.table(instance)[0], heldout_data().table(instance)[0]


def _small_images(instance):
    from drill.data import small_images

    x, _ = small_images.small_images(instance)
    return x.astype(np.float32) / small_images.PIXEL_MAX[instance], heldout_data().small_image_set(instance)[0]


def _weather(instance):
    """A series' rows repeat by nature (the same readings on two days), so held out means *later*:
    the training hours end where the first held-out target starts."""
    from drill.data import series

    hours, raw = series.airport_weather(instance)
    full = series.normalize(series._weather_all(instance)[1], *series.min_max(raw))
    _, y = heldout_data().weather(instance)
    assert np.array_equal(y[0, 0], full[len(raw)]) and np.array_equal(y[-1, -1], full[-1])
    assert len(raw) == series.WEATHER_SPLIT
    return hours.astype("int64").astype(np.float32).reshape(-1, 1), series._weather_all(instance)[0][series.WEATHER_SPLIT:].astype("int64").astype(np.float32).reshape(-1, 1)


def _univariate(instance):
    from drill.data import series

    train = series.univariate(instance)
    full = series.normalize(series._univariate_all(instance), *series.min_max(train))
    _, y = heldout_data().univariate(instance)
    assert y[0] == full[len(train)] and y[-1] == full[-1]
    return np.arange(len(train), dtype=np.float32).reshape(-1, 1), np.arange(len(train), len(full), dtype=np.float32).reshape(-1, 1)


# drill id → instance → (inputs the starter's data function returns, held-out inputs) in one row form
def _synthetic(instance):
    """Held out means later: the training days end where the first held-out target starts."""
    from drill.data import series

    _, train = series.synthetic_series(instance)
    _, y = heldout_data().synthetic_series(instance)
    full = series._synthetic_all(instance)[1]
    assert len(train) == series.SYNTH_SPLIT and y[0] == full[series.SYNTH_SPLIT] and y[-1] == full[-1]
    return np.arange(len(train), dtype=np.float32).reshape(-1, 1), np.arange(series.SYNTH_SPLIT, len(full), dtype=np.float32).reshape(-1, 1)


SPLITS = {"linear-dense": _line, "tabular-regression": _table, "iris-tfdata": _table, "digits-dense": _small_images,
          "stop-callback": _small_images, "series-dense": _synthetic, "sunspots-window": _univariate,
          "regression-early-stop": _table, "classic-binary": _table, "linear-features": _linear_rows,
          "multistep-forecast": _weather, "series-conv-lstm": _univariate, "series-lr-sweep": _univariate}


@pytest.mark.parametrize("drill_id, instance", [p for p in PAIRS if p[0] in SPLITS], ids=[i for p, i in zip(PAIRS, PAIR_IDS) if p[0] in SPLITS])
def test_heldout_rows_are_never_returned_by_the_starters_data_function(drill_id, instance):
    train, held = SPLITS[drill_id](instance)
    assert len(held) > 0 and not (_rows(train) & _rows(held))


# ---------------------------------------------------------------- fairness (slow)
@pytest.fixture(scope="module")
def warm_launcher():
    """One warm TensorFlow worker for the ~190 instance checks (each forks fresh learner and grader
    children from it, exactly as in the app): it saves the import on every check, which keeps CI
    within its time budget. Where fork is unsafe, or the worker does not come up, checks run cold."""
    import os
    import time

    from drill.check import runner
    from drill.check.warm import WarmPool, fork_is_safe

    if not fork_is_safe(setting=False)[0]:
        yield runner.COLD
        return
    before = os.environ.get("DRILL_WARM")
    os.environ["DRILL_WARM"] = "1"
    try:
        pool = WarmPool.start()
        deadline = time.monotonic() + 300
        while pool is not None and WarmPool.current() is None and not pool.broken and time.monotonic() < deadline:
            time.sleep(0.2)
        yield WarmPool.current() or runner.COLD
    finally:
        WarmPool.stop()
        if before is None:
            os.environ.pop("DRILL_WARM", None)
        else:
            os.environ["DRILL_WARM"] = before


def _check(tmp_path: Path, spec, code: str, launcher=None):
    from drill.check.runner import run_check

    work = tmp_path / "work"
    work.mkdir()
    (work / "solution.py").write_text(code, encoding="utf-8")
    return run_check(spec, work / "solution.py", **({"launcher": launcher} if launcher is not None else {}))


@pytest.mark.slow
@pytest.mark.parametrize("drill_id, instance", PAIRS, ids=PAIR_IDS)
def test_reference_scores_five(tmp_path, drill_id, instance, warm_launcher):
    spec = LOADED.exercises[drill_id].spec(instance)
    result = _check(tmp_path, spec, reseeded(spec, 0) if "set_random_seed" in spec.solution_text() else spec.solution_text(), warm_launcher)
    assert result.score == 5, f"{result.summary}\n{result.error_hint}\n{result.output_tail[-2000:]}"


@pytest.mark.slow
@pytest.mark.parametrize("drill_id, instance", PAIRS, ids=PAIR_IDS)
def test_untouched_starter_scores_below_three_or_is_refused(tmp_path, drill_id, instance, warm_launcher):
    result = _check(tmp_path, LOADED.exercises[drill_id].spec(instance), LOADED.exercises[drill_id].spec(instance).starter_text(), warm_launcher)
    assert result.score < 3, result.summary
    assert result.error_kind not in ("heldout_failed", "internal"), result.error_message


@pytest.mark.slow
@pytest.mark.parametrize("drill_id, instance", PAIRS, ids=PAIR_IDS)
def test_one_epoch_of_the_reference_scores_below_five(tmp_path, drill_id, instance, warm_launcher):
    spec = LOADED.exercises[drill_id].spec(instance)
    result = _check(tmp_path, spec, weakened(spec), warm_launcher)
    assert result.score < 5, result.summary
    assert result.error_kind not in ("heldout_failed", "internal"), result.error_message


# ---------------------------------------------------------------- contract rules the drills ask for
def test_a_drill_about_a_callback_needs_the_learners_own_class():
    from drill.check.contract import ModelFacts, check_contract
    from drill.check.grader import custom_callback_classes
    from drill.content.exercises import Contract

    own = "import keras\nclass Stop(keras.callbacks.Callback):\n    pass\n"
    builtin = "import keras\nstop = keras.callbacks.EarlyStopping(patience=2)\n"
    assert custom_callback_classes(own) == ["Stop"] and custom_callback_classes(builtin) == []
    contract = Contract(require_custom_callback=True, require_early_stop=True)
    codes = [p.code for p in check_contract(ModelFacts(input_shapes=[[1]], output_shapes=[[1]], custom_callbacks=[]), contract,
                                            stopped_early=True, trained=True)]
    assert codes == ["custom_callback"]
    never = check_contract(ModelFacts(input_shapes=[[1]], output_shapes=[[1]], custom_callbacks=["Stop"]), contract,
                           stopped_early=False, trained=False)
    assert [p.code for p in never] == ["early_stop"] and "never trained" in never[0].message


def test_a_hidden_layer_is_counted():
    from drill.check.contract import ModelFacts, check_contract
    from drill.content.exercises import Contract

    contract = Contract(min_layer_counts={"Dense": 2})
    one = ModelFacts(input_shapes=[[20]], output_shapes=[[1]], layer_types=["Dense"])
    two = ModelFacts(input_shapes=[[20]], output_shapes=[[1]], layer_types=["Dense", "Dense"])
    assert [p.code for p in check_contract(one, contract)] == ["layer_count"]
    assert check_contract(two, contract) == []


def test_generated_instances_record_the_seed_their_data_module_uses():
    from drill.data import series, small_images, tabular

    seeds = {("linear-dense", k): v for k, v in tabular.LINE_SEEDS.items()}
    seeds |= {("linear-features", k): v[0] for k, v in tabular.LINEAR_RULES.items()}
    seeds |= {("series-dense", k): v[0] for k, v in series.SYNTH.items()}
    seeds |= {(d, k): v.train_seed for d in ("digits-dense", "stop-callback") for k, v in small_images.SETS.items()}
    for (drill_id, name), seed in seeds.items():
        assert LOADED.exercises[drill_id].instance(name).seed == seed, (drill_id, name)
