/** Escaping for XML text and attribute values (feeds, sitemap). */

// Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, LF, CR, and
// lone surrogates. They can slip into copied text; dropping them keeps the document well formed.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for use in XML element content or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(forbidden, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
