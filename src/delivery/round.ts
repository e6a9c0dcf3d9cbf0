/** Figures are kept to the millisecond (or a thousandth): finer would only be noise in the stored JSON. */
export function thousandths(value: number): number {
  return Math.round(value * 1000) / 1000;
}
