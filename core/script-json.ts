/**
 * JSON to write as the text of an inline `<script>` (JSON-LD, data for the
 * client): `<` is written `\u003c`, so no value can close the script
 * (`</script>`) or open a comment (`<!--`) in it; U+2028 and U+2029 are
 * escaped for older JavaScript parsers. It parses to the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
