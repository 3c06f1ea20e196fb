/** How the command line speaks: one JSON document with --json, readable lines otherwise. */
export type Output = Readonly<{
  json: (value: unknown) => void;
  line: (text: string) => void;
  error: (text: string) => void;
}>;

export const processOutput: Output = {
  json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
};
