// Finding a person on the map by name.

/** The person a search text names: an exact name first, else a partial one. */
export function findPerson(people: { id: string; name: string }[], query: string): string | null {
  const text = query.trim().toLowerCase();
  if (!text) return null;
  const hit = people.find((p) => p.name.toLowerCase() === text) ?? people.find((p) => p.name.toLowerCase().includes(text));
  return hit?.id ?? null;
}
