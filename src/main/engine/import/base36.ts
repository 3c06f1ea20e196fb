/**
 * `n.toString(36)`, the same string, faster for the integers of message times. V8 writes a number
 * beyond 32 bits in another radix digit by digit with floating-point remainders, which was a fifth
 * of the time of keying a WhatsApp message; here such an integer is split into two parts that are
 * small integers, which V8 writes at once.
 */
const LOW_DIGITS = 5;
const LOW_RANGE = 36 ** LOW_DIGITS; // 60,466,176: below 2^31, so both parts are small integers

export function base36(n: number): string {
  if (!Number.isSafeInteger(n) || (n > -LOW_RANGE && n < LOW_RANGE)) return n.toString(36);
  if (n < 0) return `-${base36(-n)}`;
  const high = Math.floor(n / LOW_RANGE);
  const low = n - high * LOW_RANGE;
  return `${base36(high)}${low.toString(36).padStart(LOW_DIGITS, '0')}`;
}
