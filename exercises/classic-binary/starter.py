"""Drill: a two-class classifier on a real table, with one sigmoid output.

Read task.md for what the table holds, the shapes and the bar.
"""

import keras
import numpy as np

from drill.data.tables import TABLES, features, table

INSTANCE = "breast-cancer"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # x: (rows, columns) float32 raw values, columns named by features(INSTANCE)
    # y: (rows,) int 0/1, the class (names in TABLES[INSTANCE].classes)
    x, y = table(INSTANCE)

    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        # TODO: scaling and hidden layer(s)
        # TODO: the output: one unit giving the probability of class 1
    ])

    # TODO: compile with a loss for two classes and metrics=["accuracy"], then train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
