/** Collects what a command prints, split like the CLI splits stdout and stderr. */
export function recordOutput() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, print: (line: string) => out.push(line), printError: (line: string) => err.push(line) };
}
