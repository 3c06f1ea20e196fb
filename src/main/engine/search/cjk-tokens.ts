/**
 * CJK scripts have no spaces, so a word tokenizer sees a whole sentence as one token. For the
 * full-text index every CJK character is set apart by spaces, making it a token of its own; a CJK
 * query becomes a phrase of single characters, so a query of any length matches exactly.
 */
const CJK =
  /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3040-\u30FF\u3100-\u312F\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF66-\uFF9F]|[\uD840-\uD87F][\uDC00-\uDFFF]/gu;

export function spaceCjk(text: string): string {
  return text.replace(CJK, (char) => ` ${char} `);
}
