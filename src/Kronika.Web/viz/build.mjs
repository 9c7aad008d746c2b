// Bundles src/index.js with its npm dependencies into one minified script (default ../wwwroot/viz.js, or the path
// given), with the licences of the bundled packages appended, and prints its size raw and gzipped.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || resolve(here, "../wwwroot/viz.js"));
const result = await build({
  entryPoints: [resolve(here, "src/index.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  metafile: true,
  write: false,
  logLevel: "warning",
});
// Each bundled package's licence, as its package ships it.
const packages = [...new Set(Object.keys(result.metafile.inputs)
  .map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1]).filter(Boolean))].sort();
const notices = packages.map((name) => {
  const dir = resolve(here, "node_modules", name);
  const { version, license } = JSON.parse(readFileSync(resolve(dir, "package.json"), "utf8"));
  let text = "";
  try { text = readFileSync(resolve(dir, "LICENSE"), "utf8").trim(); } catch { text = `licence: ${license}`; }
  return `${name} ${version} (${license})\n${text.replaceAll("*/", "* /")}`;
});
const code = result.outputFiles[0].text + `/*! Kronika viz bundles these npm packages:\n\n${notices.join("\n\n")}\n*/\n`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, code);
const raw = Buffer.byteLength(code), gz = gzipSync(code, { level: 9 }).length;
console.log(`viz.js: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (${packages.join(", ")}) -> ${out}`);
