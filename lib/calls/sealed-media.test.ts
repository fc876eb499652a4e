import { WebhookEvent } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { unsealedCallTrack } from "./sealed-media";

const event = (json: object) => WebhookEvent.fromJson(json as never);

describe("unsealed tracks in a call's room", () => {
  const published = (room: string, encryption?: string) =>
    event({
      event: "track_published",
      room: { name: room },
      participant: { identity: "caller-1" },
      track: { sid: "TR_1", type: "VIDEO", ...(encryption && { encryption }) },
    });
  it("names the participant who published a track without encryption in a personal call's room", () => {
    expect(unsealedCallTrack(published("call-abc"))).toEqual({ room: "call-abc", identity: "caller-1" });
    expect(unsealedCallTrack(published("call-abc", "NONE"))).toEqual({ room: "call-abc", identity: "caller-1" });
  });
  it("leaves encrypted tracks, other rooms and other events alone", () => {
    expect(unsealedCallTrack(published("call-abc", "GCM"))).toBeNull();
    expect(unsealedCallTrack(published("group-xyz"))).toBeNull();
    expect(unsealedCallTrack(published("mall-call-1"))).toBeNull();
    expect(
      unsealedCallTrack(event({ event: "participant_joined", room: { name: "call-abc" }, participant: { identity: "x" } })),
    ).toBeNull();
  });
});
