import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "../auth/options";
import { env, setEnvForTests } from "../env";

/** Session cookies are Secure (next-auth's __Secure- names) exactly when the portal is served over https. */
describe("secure cookies", () => {
  const before = env().PUBLIC_URL;
  afterEach(() => setEnvForTests({ PUBLIC_URL: before }));

  it("follows PUBLIC_URL's scheme", () => {
    setEnvForTests({ PUBLIC_URL: "https://portal.example" });
    expect(authOptions().useSecureCookies).toBe(true);
    setEnvForTests({ PUBLIC_URL: "http://localhost:3000" });
    expect(authOptions().useSecureCookies).toBe(false);
  });
});
