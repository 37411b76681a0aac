/**
 * Finds a row by its unique key or creates it, without taking a row lock on rows that exist
 * (an upsert's DO UPDATE would, serialising every event of a busy account or conversation).
 * createMany's ON CONFLICT DO NOTHING settles a race between two creators; the second find
 * then sees the winner's row.
 */
export async function getOrCreateId(
  find: () => Promise<{ id: string } | null>,
  create: (id: string) => Promise<unknown>,
  newId: () => string,
): Promise<string> {
  const existing = await find();
  if (existing) return existing.id;
  const id = newId();
  await create(id);
  const row = await find();
  if (!row) throw new Error("row vanished right after it was created");
  return row.id;
}
