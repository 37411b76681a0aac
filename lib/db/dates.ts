// Stored times as the API sends them. PostgreSQL keeps years up to 294276, JavaScript's Date
// only to 275760, and the driver already gives up at year 10000 (an Invalid Date), on which
// toISOString() throws. A time no one can show is sent as null rather than failing the answer.

export function isoOrNull(date: Date | null | undefined): string | null {
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : null;
}
