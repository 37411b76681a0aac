// A bench script's entry: exit 0 when `main` is done (open pools and servers must not keep the
// process alive), 1 with the error printed when it throws.
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
