# Basic Datasets Question (variant)
#
# Seven thermometer readings in degrees Celsius and the same readings in
# degrees Fahrenheit. Build and train a neural network that converts
# Celsius to Fahrenheit. The grader feeds temperatures it has never seen.
#
# Desired mean squared error on the grader's values: less than 1e-3.

import numpy as np
import tensorflow as tf


def solution_model():
    celsius = np.array([-40.0, -10.0, 0.0, 8.0, 15.0, 22.0, 38.0], dtype=float)
    fahrenheit = np.array([-40.0, 14.0, 32.0, 46.4, 59.0, 71.6, 100.4], dtype=float)

    # YOUR CODE HERE
    # TODO: a model with input shape (1,) and one output
    # TODO: temperatures are large numbers: pick the optimizer and learning rate with care
    model = None
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
