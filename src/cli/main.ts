// kmsim command-line entry: placeholder until the commands land.
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`kmsim: ${argv.join(" ")}\n`);
  return 0;
}
