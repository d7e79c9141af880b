/**
 * CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold commas, line breaks and doubled
 * quotes; lines end in LF or CRLF; a UTF-8 byte order mark (Excel's "CSV UTF-8") is dropped. Blank lines are
 * skipped. No CSV library is installed and this is all a roster needs.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // A field that began with a quote: text after its closing quote is an error, not silently kept.
  let closed = false;
  let line = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
    closed = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        closed = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === ',') {
      record.push(field);
      field = '';
      closed = false;
    } else if (c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRecord();
      line++;
    } else if (closed) {
      throw new Error(`line ${line}: text after a closing quote; a quote inside a quoted field is written twice ("")`);
    } else if (c === '"' && field === '') {
      quoted = true;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`line ${line}: a quoted field is never closed`);
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
