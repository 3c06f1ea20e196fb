import type { Engine } from '../../engine/engine';
import { verifyVault } from '../../engine/verify/verify-vault';
import type { Output } from '../output';

export async function verifyCommand(
  engine: Engine,
  options: Readonly<{ json: boolean }>,
  out: Output,
): Promise<number> {
  const report = await verifyVault(engine.vaultDir, engine.db);
  if (options.json) out.json(report);
  else {
    out.line(
      report.ok
        ? `The vault is intact: ${report.checked} stored files checked.`
        : `Damage found (${report.checked} stored files checked):`,
    );
    for (const damage of report.damaged) {
      out.line(
        `  ${damage.message} Affects archives: ${damage.archives.join(', ') || 'none'}; conversations: ${damage.conversations.join(', ') || 'none'}.`,
      );
    }
  }
  return report.ok ? 0 : 1;
}
