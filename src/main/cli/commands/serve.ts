import type { Engine } from '../../engine/engine';
import { startWebHost } from '../../serve/web-host';
import type { Output } from '../output';

/** Runs the web host until the process is interrupted. */
export async function serveCommand(
  engine: Engine,
  options: Readonly<{ port: number; rendererDir: string }>,
  out: Output,
): Promise<number> {
  const host = await startWebHost({ engine, rendererDir: options.rendererDir, port: options.port });
  out.line(`Chat Vault is serving ${engine.vaultDir}`);
  out.line(`Open ${host.url}`);
  out.line('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  return 0;
}
