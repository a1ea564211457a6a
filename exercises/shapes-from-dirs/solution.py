"""Reference solution: a CNN trained from class folders of images."""

import keras

from drill.data.images import image_folders

INSTANCE = "shapes"  # the data set of this attempt; `drill new` sets it


def solution_model():
    train_dir, validation_dir = image_folders(INSTANCE)  # images/train/<class>/*.png, images/validation/...
    keras.utils.set_random_seed(1)

    # labels come from the folder names, classes in alphabetical order
    train = keras.utils.image_dataset_from_directory(
        train_dir, image_size=(32, 32), batch_size=32, label_mode="int", seed=1)
    validation = keras.utils.image_dataset_from_directory(
        validation_dir, image_size=(32, 32), batch_size=32, label_mode="int", shuffle=False)
    print("classes:", train.class_names)

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        keras.layers.Rescaling(1.0 / 255),  # the grader feeds pixel values 0-255
        keras.layers.Conv2D(32, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        # "is this corner or curve anywhere in the image?": the strongest response of each
        # filter, wherever the thing sits
        keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(train.class_names), activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(train, validation_data=validation, epochs=15, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
