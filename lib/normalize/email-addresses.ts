/**
 * Providers send to/cc/bcc as a string or an array, and a string may hold several addresses
 * ("a@x.com, \"Doe, Jane\" <j@y.com>; b@z.com"). Split on commas and semicolons that are not
 * inside quotes or angle brackets.
 */
export function splitAddresses(value: string | string[] | null | undefined): string[] {
  if (value == null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap(splitOne).filter((address) => address.length > 0);
}

function splitOne(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let inQuotes = false;
  let inAngle = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === "<" && !inQuotes) inAngle = true;
    else if (char === ">" && !inQuotes) inAngle = false;
    if ((char === "," || char === ";") && !inQuotes && !inAngle) {
      parts.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts;
}
