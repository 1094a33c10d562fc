// Latin words a Chinese page may show: the symbols and names the issue keeps as they are (SGD, Adam,
// MNIST), file formats and hardware names. Anything else in Latin letters is an untranslated string.
export const ALLOWED_LATIN = new Set([
  'SGD',
  'Adam',
  'AdaGrad',
  'RMSProp',
  'AdamW',
  'L2', // L2 regularization, as every course names it
  'MNIST',
  'ReLU',
  'Nesterov',
  'Momentum', // a default run name (run names are the user's, and stay as typed)
  'WebGL',
  'CPU',
  'GPU',
  'JSON',
  'CSV',
  'PNG',
  'SVG',
  'MB',
  'URL',
  'cos', // the cosine, written as in a formula
  'tanh', // activations and model names, as links and formulas write them
  'sigmoid',
  'softmax',
  'mlp',
  'cnn',
  'float32',
  'TensorFlow', // the library a downloaded model is for ("TensorFlow.js", whose .js reads as a word)
  'js',
  'Keras', // what that model converts to
  'PyTorch', // the export's target, a product name
  'English', // the language switch names each language in itself
  'Language',
]);

/**
 * Words of two or more Latin letters in `text` that are not allowed on a Chinese page. Code quoted
 * with ASCII double quotes (a JSON key such as "exportedAt") and hex colours are not words.
 */
export function foreignWords(text: string): string[] {
  const prose = text.replace(/"[^"]*"/g, ' ').replace(/#[0-9A-Fa-f]{6}\b/g, ' ');
  return (prose.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter(
    (w) => !ALLOWED_LATIN.has(w) && !/^\d/.test(w) && !/^e\d+$/.test(w),
  );
}
