/**
 * A batch laid out by column for the trip to the writer thread: arrays of strings and a transferred
 * Float64Array clone about ten times faster than ten thousand small objects. Rare parts (reactions,
 * entities, attachments) travel as JSON strings or nulls.
 */
import type { Batch, MessageRow } from './vault-writer';

export type BatchColumns = Readonly<{
  conversations: Batch['conversations'];
  participants: Batch['participants'];
  conversationId: string[];
  key: string[];
  externalId: (string | null)[];
  /** sentAt, then editedAt (NaN for none), interleaved. */
  times: Float64Array;
  sender: (string | null)[];
  kind: MessageRow['kind'][];
  text: string[];
  replyTo: (string | null)[];
  forwardedFrom: (string | null)[];
  reactionsJson: (string | null)[];
  entitiesJson: (string | null)[];
  attachmentsJson: (string | null)[];
}>;

export function encodeBatch(batch: Batch): { columns: BatchColumns; transfer: ArrayBuffer[] } {
  const count = batch.messages.length;
  const times = new Float64Array(count * 2);
  const columns: BatchColumns = {
    conversations: batch.conversations,
    participants: batch.participants,
    conversationId: [],
    key: [],
    externalId: [],
    times,
    sender: [],
    kind: [],
    text: [],
    replyTo: [],
    forwardedFrom: [],
    reactionsJson: [],
    entitiesJson: [],
    attachmentsJson: [],
  };
  batch.messages.forEach((row, index) => {
    columns.conversationId.push(row.conversationId);
    columns.key.push(row.key);
    columns.externalId.push(row.externalId);
    times[index * 2] = row.sentAt;
    times[index * 2 + 1] = row.editedAt ?? Number.NaN;
    columns.sender.push(row.sender);
    columns.kind.push(row.kind);
    columns.text.push(row.text);
    columns.replyTo.push(row.replyTo);
    columns.forwardedFrom.push(row.forwardedFrom);
    columns.reactionsJson.push(row.reactionsJson);
    columns.entitiesJson.push(row.entitiesJson);
    columns.attachmentsJson.push(
      row.attachments.length === 0 ? null : JSON.stringify(row.attachments),
    );
  });
  return { columns, transfer: [times.buffer] };
}
