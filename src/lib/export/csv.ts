/** CSV writing to RFC 4180: comma separated, CRLF line ends, fields quoted when they need it. */

export type CsvValue = string | number | boolean | undefined | null;

/** Quotes a field when it holds a comma, a double quote or a line break; inner quotes are doubled. */
export function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: a header row then one line per row, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index} has ${row.length} fields but the header has ${header.length}: every row must have one value per column`);
    }
    return row.map(csvField).join(',');
  });
  return lines.map((line) => `${line}\r\n`).join('');
}

/** How several values share one cell. Documented on /data/ so spreadsheet users can split them. */
export const multiValueSeparator = '; ';

export function joinValues(values: readonly CsvValue[]): string {
  return values.filter((v) => v !== undefined && v !== null && v !== '').map(String).join(multiValueSeparator);
}

// A cell starting with one of these runs as a formula when the file is opened in a spreadsheet
// (CSV injection). A minus followed by a digit is a negative number and is left alone.
const formulaStart = /^([=+@\t\r]|-[^0-9])/;

/** Prefixes an apostrophe to text a spreadsheet would run as a formula; spreadsheets show the text as written. */
export function defuseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Undoes {@link defuseFormula}, for readers that want the original text back. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
