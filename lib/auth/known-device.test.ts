import { describe, expect, it } from "vitest";
import { issueKnownDevice, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceCookieOptions, readKnownDevice } from "./known-device";

const SECRET = "unit-test-auth-secret-0123456789abcdef";
const NOW = 1_800_000_000_000;

describe("the known-device cookie", () => {
  it("names the account it signed in to, with a device id of its own", () => {
    const a = readKnownDevice(SECRET, issueKnownDevice(SECRET, "cmember1", NOW), NOW);
    const b = readKnownDevice(SECRET, issueKnownDevice(SECRET, "cmember1", NOW), NOW);
    expect(a).toMatchObject({ memberId: "cmember1" });
    expect(a!.deviceId).not.toBe(b!.deviceId);
  });

  it("is refused when altered, signed with another secret, malformed or too old", () => {
    const v = issueKnownDevice(SECRET, "cmember1", NOW);
    const [, device, issued, mac] = v.split(".");
    expect(readKnownDevice(SECRET, `cmember2.${device}.${issued}.${mac}`, NOW)).toBeNull();
    expect(readKnownDevice(SECRET, `cmember1.${device}.${Number(issued) + 1}.${mac}`, NOW)).toBeNull();
    expect(readKnownDevice(`${SECRET}-other`, v, NOW)).toBeNull();
    for (const bad of [undefined, "", "a.b.c", `${v}.x`, "x".repeat(5000)]) expect(readKnownDevice(SECRET, bad, NOW)).toBeNull();
    expect(readKnownDevice(SECRET, v, NOW + (KNOWN_DEVICE_MAX_AGE_SECONDS + 1) * 1000)).toBeNull();
    expect(readKnownDevice(SECRET, v, NOW + (KNOWN_DEVICE_MAX_AGE_SECONDS - 1) * 1000)).not.toBeNull();
  });

  it("is httpOnly and long-lived, and Secure when the portal is served over https", () => {
    expect(knownDeviceCookieOptions("https://portal.example.com")).toMatchObject({ httpOnly: true, secure: true, path: "/" });
    expect(knownDeviceCookieOptions("http://localhost:3000").secure).toBe(false);
    expect(knownDeviceCookieOptions("http://localhost:3000").maxAge).toBeGreaterThanOrEqual(180 * 24 * 3600);
  });
});
