// `kmsim init [FILE]`: writes the commented starter scenario (starter-scenario.ts) to FILE, never
// over an existing file (FORMAT.md "Commands"): the file is created exclusively, so even a file
// that appears in the meantime is left alone.
import { writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { InputError } from "./errors.js";
import { starterScenario } from "./starter-scenario.js";

const NAME = /^[A-Za-z0-9_-]+$/;

/** Writes the starter scenario to `file`; an existing file, a JSON name or an unwritable place is bad input. */
export function initJob(file: string): void {
  if (file === "") throw new InputError([`kmsim: init: the file name is empty`]);
  if (extname(file).toLowerCase() === ".json") throw new InputError([`${file}: kmsim init writes YAML; name the file .yaml`]);
  const stem = basename(file, extname(file));
  const name = NAME.test(stem) ? stem : "scenario";
  try {
    writeFileSync(file, starterScenario(name, basename(file)), { flag: "wx" });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new InputError([`${file}: already exists; kmsim init never overwrites a file (name another file, or remove this one)`]);
    if (code === "ENOENT") throw new InputError([`${file}: its folder does not exist`]);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new InputError([`${file}: not allowed to write here (${code})`]);
    if (code === "EISDIR") throw new InputError([`${file}: is a folder`]);
    throw err;
  }
  process.stdout.write(`${file}: wrote a starter scenario; next: kmsim validate ${file}, kmsim run ${file}\n`);
}
