import { InvalidArgumentError } from 'commander';
import * as z from 'zod';

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** `--after` / `--before`: an ISO 8601 date or date-time (UTC when it has no offset), as ms. */
export function parseInstant(value: string): number {
  const parsed = Instant.safeParse(value);
  if (!parsed.success) {
    throw new InvalidArgumentError(
      'use an ISO 8601 date or time, such as 2024-05-01 or 2024-05-01T12:00:00Z.',
    );
  }
  return Date.parse(parsed.data.length === 10 ? `${parsed.data}T00:00:00Z` : parsed.data);
}

const Limit = z.coerce.number().int().min(1).max(1_000_000);

export function parseLimit(value: string): number {
  const parsed = Limit.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError('a limit is a whole number from 1 to 1000000.');
  return parsed.data;
}
