/**
 * A tolerant look at the start of a JSON document that may be cut anywhere (the first 64 KiB of a
 * file of any size). It never builds the values; it notes which keys appear where, as paths like
 * `messages[].sender_name`, and the first short string seen at each path (`type` -> "personal_chat").
 */
export type JsonShape = Readonly<{
  root: 'object' | 'array' | 'none';
  /** Every key path seen, array elements written `[]`. */
  paths: ReadonlySet<string>;
  /** The first string value seen at each path (short strings only). */
  strings: ReadonlyMap<string, string>;
  /** Where the first top-level value ended, when it ended inside the prefix (else undefined). */
  rootEnd: number | undefined;
}>;

type Frame = {
  kind: 'object' | 'array';
  path: string;
  key: string | undefined;
  expectKey: boolean;
};

const MAX_DEPTH = 8;
const MAX_PATHS = 4000;
const MAX_STRING = 256;

function childPath(frame: Frame): string {
  if (frame.kind === 'array') return `${frame.path}[]`;
  const key = frame.key ?? '?';
  return frame.path === '' ? key : `${frame.path}.${key}`;
}

/** Index just past the closing quote of the string starting at `start`, or -1 when it is cut. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x5c) index += 1;
    else if (char === 0x22) return index + 1;
  }
  return -1;
}

function decodeString(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw.slice(1, -1);
  } catch {
    return raw.slice(1, -1);
  }
}

export function scanJsonPrefix(text: string): JsonShape {
  const paths = new Set<string>();
  const strings = new Map<string, string>();
  const stack: Frame[] = [];
  let root: JsonShape['root'] = 'none';
  let rootEnd: number | undefined;
  const note = (path: string): void => {
    if (paths.size < MAX_PATHS) paths.add(path);
  };
  let index = 0;
  scan: while (index < text.length) {
    const char = text[index] ?? '';
    const top = stack[stack.length - 1];
    switch (char) {
      case '{':
      case '[': {
        const kind = char === '{' ? 'object' : 'array';
        if (top === undefined) {
          if (root !== 'none') break scan;
          root = kind;
        }
        const path = top === undefined ? '' : childPath(top);
        if (top?.kind === 'array') note(path);
        if (stack.length >= MAX_DEPTH) break scan;
        stack.push({ kind, path, key: undefined, expectKey: kind === 'object' });
        index += 1;
        break;
      }
      case '}':
      case ']':
        stack.pop();
        index += 1;
        if (stack.length === 0) {
          rootEnd = index;
          break scan;
        }
        break;
      case ':':
        if (top !== undefined) top.expectKey = false;
        index += 1;
        break;
      case ',':
        if (top?.kind === 'object') {
          top.expectKey = true;
          top.key = undefined;
        }
        index += 1;
        break;
      case '"': {
        const end = stringEnd(text, index);
        if (end < 0) break scan;
        if (top === undefined) break scan;
        if (top.kind === 'object' && top.expectKey) {
          top.key = decodeString(text.slice(index, end));
          note(childPath(top));
        } else {
          const path = childPath(top);
          if (top.kind === 'array') note(path);
          if (!strings.has(path) && end - index <= MAX_STRING + 2) {
            strings.set(path, decodeString(text.slice(index, end)));
          }
        }
        index = end;
        break;
      }
      default:
        if (top === undefined && !/\s/.test(char)) break scan;
        index += 1;
    }
  }
  return { root, paths, strings, rootEnd };
}
