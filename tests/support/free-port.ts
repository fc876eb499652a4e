import net from "node:net";

/**
 * A port nobody listens on now, from the kernel: test files of the two database passes run side by
 * side and start their own servers, so ports picked at random from a range collided.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
