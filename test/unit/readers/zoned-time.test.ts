import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  machineTimeZone,
  zonedWallTimeToUtc,
  zoneOffsetMinutes,
} from '../../../src/main/engine/readers/zoned-time';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('zonedWallTimeToUtc', () => {
  it('reads a wall time in UTC as that instant', () => {
    expect(iso(zonedWallTimeToUtc(2020, 12, 31, 21, 41, 5, 'UTC'))).toBe(
      '2020-12-31T21:41:05.000Z',
    );
  });

  it('uses the machine zone when no zone is given (the tests run with TZ=UTC)', () => {
    expect(machineTimeZone()).toBe('UTC');
    expect(iso(zonedWallTimeToUtc(2021, 1, 1, 12, 0, 0))).toBe('2021-01-01T12:00:00.000Z');
  });

  it('subtracts a fixed offset east of UTC', () => {
    expect(iso(zonedWallTimeToUtc(2020, 1, 15, 9, 30, 0, 'Asia/Kolkata'))).toBe(
      '2020-01-15T04:00:00.000Z',
    );
  });

  it('uses summer time in summer and standard time in winter', () => {
    expect(iso(zonedWallTimeToUtc(2021, 7, 1, 12, 0, 0, 'Europe/Berlin'))).toBe(
      '2021-07-01T10:00:00.000Z',
    );
    expect(iso(zonedWallTimeToUtc(2021, 1, 1, 12, 0, 0, 'Europe/Berlin'))).toBe(
      '2021-01-01T11:00:00.000Z',
    );
  });

  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    // New York skipped from 02:00 to 03:00 on 2021-03-14; 02:30 never happened and reads as 03:30 EDT.
    expect(iso(zonedWallTimeToUtc(2021, 3, 14, 2, 30, 0, 'America/New_York'))).toBe(
      '2021-03-14T07:30:00.000Z',
    );
  });

  it('takes the earlier instant for a wall time that a fall-back repeats', () => {
    // 01:30 happened twice in New York on 2021-11-07: first in EDT (05:30Z), then in EST (06:30Z).
    expect(iso(zonedWallTimeToUtc(2021, 11, 7, 1, 30, 0, 'America/New_York'))).toBe(
      '2021-11-07T05:30:00.000Z',
    );
  });

  it('reads the times just around a transition with the offset in force at each', () => {
    expect(iso(zonedWallTimeToUtc(2021, 3, 28, 1, 59, 59, 'Europe/London'))).toBe(
      '2021-03-28T01:59:59.000Z',
    );
    expect(iso(zonedWallTimeToUtc(2021, 3, 28, 3, 0, 0, 'Europe/London'))).toBe(
      '2021-03-28T02:00:00.000Z',
    );
  });

  it('handles a half-hour summer time shift (Lord Howe Island)', () => {
    expect(iso(zonedWallTimeToUtc(2021, 1, 10, 12, 0, 0, 'Australia/Lord_Howe'))).toBe(
      '2021-01-10T01:00:00.000Z',
    );
    expect(iso(zonedWallTimeToUtc(2021, 7, 10, 12, 0, 0, 'Australia/Lord_Howe'))).toBe(
      '2021-07-10T01:30:00.000Z',
    );
  });

  it('moves a wall time inside a half-hour gap forward by half an hour', () => {
    // Lord Howe Island went from 02:00 to 02:30 on 2021-10-03 (UTC+10:30 to UTC+11).
    expect(iso(zonedWallTimeToUtc(2021, 10, 3, 2, 15, 0, 'Australia/Lord_Howe'))).toBe(
      '2021-10-02T15:45:00.000Z',
    );
  });

  it('gives the same instant for the same input every time', () => {
    const first = zonedWallTimeToUtc(2021, 3, 14, 2, 30, 0, 'America/New_York');
    const second = zonedWallTimeToUtc(2021, 3, 14, 2, 30, 0, 'America/New_York');
    expect(second).toBe(first);
  });

  it('rejects a zone that does not exist, naming it', () => {
    expect(() => zonedWallTimeToUtc(2021, 1, 1, 0, 0, 0, 'Mars/Olympus_Mons')).toThrow(
      /Mars\/Olympus_Mons/,
    );
    expect(() => assertTimeZone('Nowhere/Nothing')).toThrow(RangeError);
  });

  it('reports the offset of a zone at an instant in minutes', () => {
    expect(zoneOffsetMinutes(Date.UTC(2021, 6, 1), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2021, 0, 1), 'Asia/Kathmandu')).toBe(345);
  });
});
