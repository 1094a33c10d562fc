// How the whole training set's line is drawn (small training sets): dotted, with rings at its points,
// so it reads apart from the solid training line and the dashed validation line in print and in grey.
export const WHOLE_DASH = '2 3';
