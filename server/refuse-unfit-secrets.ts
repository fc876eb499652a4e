import { type Env, networkExposure, serverStartProblems } from "../lib/env";

/**
 * Exits before listening when this process' secrets are unfit (lib/env.ts serverStartProblems). The
 * launcher checks the same, but a server started by hand skips the launcher, and a built-in secret
 * would let anyone forge sessions, presence tickets or LiveKit tokens.
 */
export function refuseUnfitSecrets(processName: string, e: Env): void {
  const problems = serverStartProblems(e);
  if (!problems.length) return;
  console.error(
    `${processName}: refusing to start (${networkExposure(e) ?? "NODE_ENV=production"}):\n` +
      problems.map((p) => `  - ${p}`).join("\n") +
      "\nSet them in the environment (e.g. `openssl rand -base64 36` for each secret); see README, Configuration.",
  );
  process.exit(1);
}
