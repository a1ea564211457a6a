"""drill: a terminal study companion for the TensorFlow Developer Certificate skills."""

__version__ = "0.1.0"
