// Configuration read under a current name and a former one, so a deployment configured before a
// rename keeps working. The current name wins when both are set.

/** The value of `name`, else of its former name `alias`; an empty value counts as unset. */
export function envWithAlias(
  name: string,
  alias: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const current = env[name];
  if (current !== undefined && current !== "") return current;
  const former = env[alias];
  return former !== undefined && former !== "" ? former : undefined;
}
