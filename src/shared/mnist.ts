// MNIST's sizes, named once: the model's input and output, and how the 60,000 training images split.

export const IMAGE_SIDE = 28;
/** Pixels per image, the model's input size (784). */
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;
export const NUM_CLASSES = 10;
/** The first 55,000 images of the training file train… */
export const TRAIN_COUNT = 55_000;
/** …and the last 5,000 validate. */
export const VALIDATION_COUNT = 5_000;
/** Images in the original training file. */
export const TRAIN_FILE_COUNT = TRAIN_COUNT + VALIDATION_COUNT;
