/**
 * The tests' one CSV reader: RFC 4180 (quoted cells, doubled quotes, LF or CRLF line ends), used
 * to check that every CSV export (shared/report's writer, in the CLI, the extension and the
 * dashboard) parses back to the rows it came from. A leading byte-order mark is dropped.
 */
export function parseCsv(document: string): string[][] {
  const text = document.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''));
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}
