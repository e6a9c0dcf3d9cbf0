/**
 * A count with its noun in the right number: "1 question", "3 questions", "0 stories".
 *
 * @example countOf(1, 'story', 'stories') // → '1 story'
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
