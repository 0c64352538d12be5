// What the JavaScript SDK tests share: starting a local server of ours, a client's
// configuration pointed at it, and the error a call raises.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Starts `program args` and waits for the first line it prints, `listening on URL`:
 * the child process and that URL. Rejects if the program exits first.
 */
export async function startListening(program, args) {
  const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  child.stderr.on("data", (chunk) => log.push(chunk));
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    new Promise((resolve) => lines.once("line", (l) => resolve([l]))),
    new Promise((_, reject) =>
      child.once("exit", () => reject(new Error(`${args.join(" ")}: exited: ${Buffer.concat(log)}`))),
    ),
  ]);
  return { child, url: line.trim().replace("listening on ", ""), log };
}

/** A client configuration for `endpoint`: fixed credentials and region, no retries. */
export const config = (endpoint) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
  maxAttempts: 1,
});

/** The error code and message `call` raised; throws if it did not raise. */
export async function errorOf(call) {
  try {
    await call();
  } catch (e) {
    return [e.name, e.message];
  }
  throw new Error("expected an error");
}

/** Runs each `[name, test]` of `cases` in turn, prints a line per case: whether all passed. */
export async function runCases(cases) {
  let failed = 0;
  for (const [name, test] of cases) {
    try {
      await test();
      console.log(`ok ${name}`);
    } catch (e) {
      failed += 1;
      console.log(`FAILED ${name}: ${e.stack ?? e.message}`);
    }
  }
  console.log(`${cases.length - failed} of ${cases.length} passed`);
  return failed === 0;
}
