// Two people on one team with the same first name (issue #26, 8): wherever a teammate is shown
// by a short name, or a list offers people by name, the name is made long enough to tell them
// apart. Pure, for the server and the browser alike.

const words = (name: string) => name.trim().split(/\s+/).filter(Boolean);

/**
 * Short names for a set of full names: the first name where nobody else has it, else the first
 * name and the last name's initial ("Ana R."), else the full name. Keyed by the full name.
 */
export function shortNames(names: readonly string[]): Map<string, string> {
  const unique = [...new Set(names)];
  const first = (name: string) => words(name)[0] ?? name;
  const initialed = (name: string) => {
    const parts = words(name);
    return parts.length > 1 ? `${parts[0]} ${parts.at(-1)![0]}.` : name;
  };
  const count = (labels: string[], label: string) => labels.filter((other) => other === label).length;
  const firsts = unique.map(first);
  const initials = unique.map(initialed);
  return new Map(
    unique.map((name, index) => {
      if (count(firsts, firsts[index]!) === 1) return [name, firsts[index]!];
      if (count(initials, initials[index]!) === 1) return [name, initials[index]!];
      return [name, name];
    }),
  );
}

/**
 * Labels for a list of people by full name (Assign): the name, and where two share it (or a
 * person gave only a first name someone else also has) the email too.
 */
export function distinctNames<Person extends { id: string; name: string; email: string }>(
  people: readonly Person[],
): Map<string, string> {
  const count = new Map<string, number>();
  for (const person of people) count.set(person.name.toLowerCase(), (count.get(person.name.toLowerCase()) ?? 0) + 1);
  return new Map(
    people.map((person) => [
      person.id,
      (count.get(person.name.toLowerCase()) ?? 0) > 1 && person.email !== person.name
        ? `${person.name} (${person.email})`
        : person.name,
    ]),
  );
}
