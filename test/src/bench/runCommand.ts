/**
 * A bench command's entry point: its arguments parsed (a bad one: its message and the usage,
 * exit 2), then the command run (a failure: `<name> failed:` and the reason, exit 1).
 */
export function runCommand<T>(name: string, usage: string, parse: (argv: readonly string[]) => T, run: (options: T) => Promise<void>): void {
  let options: T;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
  run(options).catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
