/// <reference lib="webworker" />
/**
 * LiveKit's end-to-end encryption worker, plus one thing: video met before the call's key is in is
 * kept from its last key frame instead of dropped, and handed on the moment the key is in. A page
 * where a call rings receives the caller's sealed media: once the answer brings the key it draws the
 * caller at once, instead of waiting for the caller's next key frame (the SFU spaces the key frames
 * it asks for). The same page starts sending on Accept, before the answer brings the key: its first
 * frames wait here, on the device, and go out encrypted the moment the key is in.
 */
import "livekit-client/e2ee-worker";

type Frame = RTCEncodedVideoFrame | RTCEncodedAudioFrame;
type Transformer = { readable: ReadableStream<Frame>; writable: WritableStream<Frame>; options: { kind?: string } };
type TransformEvent = Event & { transformer: Transformer };
type Scope = DedicatedWorkerGlobalScope & { onrtctransform?: (e: TransformEvent) => void };

const scope = self as unknown as Scope;
/**
 * At most this many frames are kept (about five seconds of video): a longer wait starts over at the
 * next key frame, and one answered later waits for a key frame the decoder asks for.
 */
const MAX_KEPT = 150;
/** The name of a message sent through LiveKit's queue behind a key, to learn when the key is in. */
const KEY_IN = "__portal_key_in__";

let keyed = false;
const releases = new Set<() => void>();

/** Keeps a stream's video frames from its last key frame until the key is in (sound is dropped meanwhile, as LiveKit does). */
function keepUntilKeyed(): TransformStream<Frame, Frame> {
  let kept: Frame[] = [];
  let release: (() => void) | null = null;
  return new TransformStream<Frame, Frame>({
    start(controller) {
      release = () => {
        for (const f of kept) controller.enqueue(f);
        kept = [];
      };
      releases.add(release);
    },
    transform(frame, controller) {
      if (keyed) return controller.enqueue(frame);
      const key = "type" in frame && frame.type === "key";
      if (key) kept = [frame];
      // Too long without a key frame to start from: wait for the next one.
      else if (kept.length > 0) kept = kept.length < MAX_KEPT ? [...kept, frame] : [];
    },
    flush() {
      if (release) releases.delete(release);
    },
  });
}

const lkTransform = scope.onrtctransform;
if (lkTransform) {
  scope.onrtctransform = (event: TransformEvent) => {
    const t = event.transformer;
    if (keyed) return lkTransform.call(scope, event);
    const readable = t.readable.pipeThrough(keepUntilKeyed());
    lkTransform.call(scope, { transformer: { readable, writable: t.writable, options: t.options } } as TransformEvent);
  };
}

// LiveKit's worker handles messages one after another; a harmless "enable" for an identity nobody has,
// queued right behind the key, comes back once the key is set: then the kept frames go.
const lkMessage = scope.onmessage;
const lkPost = scope.postMessage.bind(scope);
scope.onmessage = (ev: MessageEvent) => {
  const kind = ev.data?.kind;
  // Without RTCRtpScriptTransform (the way Chromium goes here) LiveKit hands over each sender's and receiver's streams in a message.
  if ((kind === "decode" || kind === "encode") && !keyed) {
    const readableStream = (ev.data.data.readableStream as ReadableStream<Frame>).pipeThrough(keepUntilKeyed());
    return lkMessage?.call(scope, { data: { ...ev.data, data: { ...ev.data.data, readableStream } } } as MessageEvent);
  }
  lkMessage?.call(scope, ev);
  if (ev.data?.kind === "setKey" && !keyed) {
    lkMessage?.call(scope, new MessageEvent("message", { data: { kind: "enable", data: { enabled: true, participantIdentity: KEY_IN } } }));
  }
};
scope.postMessage = ((msg: { kind?: string; data?: { participantIdentity?: string } }, ...rest: unknown[]) => {
  if (msg?.kind === "enable" && msg.data?.participantIdentity === KEY_IN) {
    keyed = true;
    for (const release of releases) release();
    releases.clear();
    return;
  }
  return (lkPost as (...a: unknown[]) => void)(msg, ...rest);
}) as typeof scope.postMessage;
