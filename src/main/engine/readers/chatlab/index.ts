/**
 * ChatLab, the interchange format community exporters of WeChat and QQ (and converters of other
 * apps) write: JSON (`{ chatlab, meta, members, messages }`) or JSON Lines (a header line, then
 * member and message lines). Its specification (format 0.0.2) names the fields read here; see
 * chat.ts for how they become Chat Vault's records and message-types.ts for the message types.
 */
import { locateMainFile } from '../export-files';
import type { Reader } from '../records';
import { readChatLabDocument } from './json';
import { readChatLabLines } from './jsonl';

export const readChatLabJsonl: Reader = async function* read(source) {
  const { entry, root } = locateMainFile(
    source,
    [/\.chatlab\.jsonl$/iu, /\.jsonl$/iu],
    'ChatLab JSON Lines file (.jsonl)',
  );
  yield* readChatLabLines(source, entry, root);
};

export const readChatLabJson: Reader = async function* read(source) {
  const { entry, root } = locateMainFile(
    source,
    [/\.chatlab\.json$/iu, /\.json$/iu],
    'ChatLab JSON file (.json)',
  );
  yield* readChatLabDocument(source, entry, root);
};
