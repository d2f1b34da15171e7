#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ and bundled into dist/bundle/ by `npm run build`
// (run by `npm ci` through `prepare`; scripts/bundle-cli.js says why).
import { main } from "../dist/bundle/main.js";

process.exitCode = await main(process.argv.slice(2));
