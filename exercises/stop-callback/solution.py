"""Reference solution: a custom callback ends training once training accuracy reaches the target."""

import keras

from drill.data.small_images import PIXEL_MAX, classes, small_images

INSTANCE = "digits"
TARGET = {"digits": 0.99}.get(INSTANCE, 0.7)


class StopAtAccuracy(keras.callbacks.Callback):
    """Stop training at the end of the first epoch whose accuracy reaches ``target``."""

    def __init__(self, target):
        super().__init__()
        self.target = target

    def on_epoch_end(self, epoch, logs=None):
        accuracy = (logs or {}).get("accuracy")
        if accuracy is not None and accuracy >= self.target:
            print(f"\nepoch {epoch + 1}: accuracy {accuracy:.3f} is at the target {self.target:.0%}; stopping")
            self.model.stop_training = True


def solution_model():
    x, y = small_images(INSTANCE)
    x = x.astype("float32") / PIXEL_MAX[INSTANCE]
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=x.shape[1:]),
        keras.layers.Flatten(),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(len(classes(INSTANCE)), activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # far more epochs than needed: the callback decides when to stop
    model.fit(x, y, epochs=200, batch_size=32, callbacks=[StopAtAccuracy(TARGET)], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
