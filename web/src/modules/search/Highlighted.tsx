import { Fragment } from 'react';

/** Text with the matched spans marked; `ranges` are [start, end) UTF-16 offsets, sorted, as the search API returns them. */
export function Highlighted({ text, ranges }: { text: string; ranges: number[][] }) {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    if (end > start) pieces.push({ text: text.slice(Math.max(start, at), end), marked: true });
    at = Math.max(at, end);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return (
    <>
      {pieces.map((p, i) =>
        p.marked ? (
          <mark key={i} className="kehu-hit">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
