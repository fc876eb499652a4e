// A presence client in its own process, so a test can freeze it (SIGSTOP) or kill it.
import { io } from "socket.io-client";

const [url, ticket] = process.argv.slice(2);
const socket = io(url!, { transports: ["websocket"], reconnection: false, auth: { ticket, deviceId: "child-process" } });
socket.on("connect", () => console.log("connected"));
socket.on("connect_error", (e) => console.log(`error: ${e.message}`));
