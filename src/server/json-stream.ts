/**
 * A JSON array sent a page at a time as the client reads it, so a long list never sits whole in
 * memory as rows, objects and one large string at once. `page(afterId)` returns the next rows after
 * the last id sent, and an empty page when there are no more.
 */
export function jsonArrayStream<Row extends { id: number }>(page: (afterId: number) => Promise<Row[]>, toJson: (row: Row) => unknown): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterId = 0;
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('['));
    },
    async pull(controller) {
      const rows = await page(afterId);
      if (rows.length === 0) {
        controller.enqueue(encoder.encode(']'));
        controller.close();
        return;
      }
      const items = rows.map((row) => JSON.stringify(toJson(row)));
      controller.enqueue(encoder.encode(`${first ? '' : ','}${items.join(',')}`));
      first = false;
      afterId = rows[rows.length - 1]!.id;
    },
  });
}
