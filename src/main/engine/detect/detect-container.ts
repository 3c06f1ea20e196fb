import path from 'node:path';
import type { Detection } from './format';
import { planFromNames, type NameEntry } from './export-names';
import { sniffHead } from './sniff-head';
import { detected, unknown, withContainer, type Unknown } from './sniffed';

export type Container = Readonly<{
  kind: 'zip' | 'folder';
  /** The zip file or folder itself. */
  where: string;
  entries: readonly NameEntry[];
  /** At most the first 64 KiB of one entry. */
  readHead: (name: string) => Promise<Buffer | undefined>;
  /** How many entries may be peeked at (a zip inflates as little as possible). */
  maxPeeks: number;
}>;

function nothingInside(kind: Container['kind']): string {
  return kind === 'zip'
    ? 'a zip without a chat export inside'
    : 'a folder without a chat export inside';
}

/** Recognises the export inside a zip or folder: names first, then the start of a few files. */
export async function detectContainer(container: Container): Promise<Detection> {
  const { kind, where, entries } = container;
  if (entries.length === 0) return unknown(kind === 'zip' ? 'an empty zip' : 'an empty folder');
  const plan = planFromNames(entries, where);
  switch (plan.kind) {
    case 'decided':
      return withContainer(detected(plan.format, plan.platform), kind);
    case 'sniff':
      break;
    default: {
      const never: never = plan;
      return never;
    }
  }
  let firstReason: Unknown | undefined;
  for (const candidate of plan.candidates.slice(0, container.maxPeeks)) {
    const head = await container.readHead(candidate);
    if (head === undefined || head.length === 0) continue;
    // Hints come from where the entry sits (an "instagram-..." zip or folder).
    const verdict = sniffHead(head, path.join(where, candidate));
    if (verdict.kind === 'detected') return withContainer(verdict, kind);
    if (verdict.kind === 'unknown') firstReason ??= verdict;
  }
  if (firstReason?.reason.includes('Slack') === true) return firstReason;
  return unknown(nothingInside(kind));
}
