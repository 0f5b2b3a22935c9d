import { createServer, type AddressInfo } from 'node:net';

/**
 * A port nobody listens on: the system's choice (Linux: 32768–60999), so suites and two runs on one
 * machine never share one, and never one of the ports fetch() refuses (4045, 4190…: "bad port").
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
