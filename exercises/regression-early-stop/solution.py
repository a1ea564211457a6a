"""Reference solution: regression on a real table, ended by early stopping on a validation split."""

import keras

from drill.data.tables import table

INSTANCE = "body-weight"


def solution_model():
    x, y = table(INSTANCE)
    keras.utils.set_random_seed(1)

    normalize = keras.layers.Normalization()
    normalize.adapt(x)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        normalize,
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, bias_initializer=keras.initializers.Constant(float(y.mean()))),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mean_absolute_error")
    # the validation error decides when to stop; the best epoch's weights are kept
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True)
    model.fit(x, y, validation_split=0.2, epochs=300, batch_size=16, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
