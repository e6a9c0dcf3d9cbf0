/**
 * A syllable's nucleus must stand this far above the dip that parts it from a louder neighbour: de Jong
 * & Wempe's (2009) 2 dB. Their script compares each peak with the dip after it only; measuring the
 * dip on both sides (the peak's prominence) also drops a shoulder on the falling side of a vowel.
 */
export const MIN_DIP_DB = 2;

/**
 * Frames of `smooth` that are syllable nuclei candidates: local maxima inside the speech, above the
 * silence threshold, standing at least {@link MIN_DIP_DB} above the lowest point between them and the
 * nearest louder peak (or the edge of the speech) on each side. A flat top counts once, at its middle.
 */
export function intensityPeaks(smooth: Float32Array, speaking: Uint8Array, threshold: number): number[] {
  const peaks: number[] = [];
  const n = smooth.length;
  let i = 1;
  while (i < n - 1) {
    const value = smooth[i]!;
    if (!speaking[i] || value < threshold || !(value > smooth[i - 1]!)) {
      i++;
      continue;
    }
    // A plateau: walk to its end, then take it as one peak at its middle if the far side falls.
    let end = i;
    while (end + 1 < n && smooth[end + 1] === value) end++;
    if (end + 1 < n && smooth[end + 1]! < value && prominence(smooth, speaking, i, end) >= MIN_DIP_DB) peaks.push((i + end) >> 1);
    i = end + 1;
  }
  return peaks;
}

/** How far the peak spanning frames `from`–`to` stands above the higher of the lowest points on its two sides. */
function prominence(smooth: Float32Array, speaking: Uint8Array, from: number, to: number): number {
  const value = smooth[from]!;
  let leftLow = value;
  // An equal peak to the left counts as louder, so of two equal peaks only the first stands out.
  for (let j = from - 1; j >= 0; j--) {
    const v = smooth[j]!;
    if (v >= value) break;
    if (v < leftLow) leftLow = v;
    if (!speaking[j]) break;
  }
  let rightLow = value;
  for (let j = to + 1; j < smooth.length; j++) {
    const v = smooth[j]!;
    if (v > value) break;
    if (v < rightLow) rightLow = v;
    if (!speaking[j]) break;
  }
  return value - Math.max(leftLow, rightLow);
}
