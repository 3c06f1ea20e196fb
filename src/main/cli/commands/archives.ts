import type { Engine } from '../../engine/engine';
import type { Output } from '../output';

export async function archivesCommand(
  engine: Engine,
  options: Readonly<{ json: boolean }>,
  out: Output,
): Promise<number> {
  const archives = await engine.db.call('listArchives');
  if (options.json) out.json(archives);
  else if (archives.length === 0) out.line(`No archives yet in ${engine.vaultDir}.`);
  else
    for (const archive of archives)
      out.line(
        `${archive.id}  ${archive.status}  ${archive.format}  ${archive.name}  ${archive.bytes} bytes`,
      );
  return 0;
}
