/** Id of the W1 baseline loop's result line. */
export const BASELINE_ID = 'W1-baseline';
