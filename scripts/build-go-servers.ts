// The servers the tests run that are built with Go: LiveKit (calls) and gofakes3 (object storage).
// Each is built once into .bin/ and reused; run as its own step so `npm test` can overlap it.
import { env } from "../lib/env";
import { ensureFakeS3 } from "../tests/support/fake-s3";
import { ensureLivekitBinary } from "./launcher/livekit";

const livekit = ensureLivekitBinary(env());
if ("error" in livekit) {
  console.error(livekit.error);
  process.exit(1);
}
ensureFakeS3();
console.log("LiveKit server and fake S3 ready in .bin/");
