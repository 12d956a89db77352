/**
 * Splitting a command string into words the way Compose does (mattn/go-shellwords v1.0.12, with
 * environment and backtick expansion off): blanks separate words, single and double quotes group,
 * a backslash takes the next character literally (outside single quotes). `$(...)` and backticks
 * are kept as text. An unquoted `;`, `&`, `|`, `<` or `>` ends the command: the rest is dropped
 * (Compose does this silently; `cutAt` lets nestc warn). A `(` not preceded by `$` is an error.
 */
export type SplitResult =
  { ok: true; words: string[]; cutAt?: number } | { ok: false; message: string };

const enum Got {
  None,
  Word,
  Quoted,
}

export function shellSplit(line: string): SplitResult {
  const words: string[] = [];
  let buf = '';
  let got = Got.None;
  let escaped = false;
  let dq = false;
  let sq = false;
  let bq = false;
  let dollar = false;
  let cutAt: number | undefined;
  let i = -1;

  for (const ch of line) {
    i += ch.length;
    if (escaped) {
      buf += ch;
      escaped = false;
      got = Got.Word;
      continue;
    }
    if (ch === '\\') {
      if (sq) buf += ch;
      else escaped = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (sq || dq || bq || dollar) buf += ch;
      else if (got !== Got.None) {
        words.push(buf);
        buf = '';
        got = Got.None;
      }
      continue;
    }
    let stop = false;
    switch (ch) {
      case '`':
        if (!sq && !dq && !dollar) bq = !bq;
        break;
      case ')':
        if (!sq && !dq && !bq) dollar = !dollar;
        break;
      case '(':
        if (!sq && !dq && !bq) {
          if (!dollar && buf.endsWith('$')) {
            dollar = true;
            buf += ch;
            continue;
          }
          return { ok: false, message: 'a "(" outside quotes that does not start "$("' };
        }
        break;
      case '"':
        if (!sq && !dollar) {
          if (dq) got = Got.Quoted;
          dq = !dq;
          continue;
        }
        break;
      case "'":
        if (!dq && !dollar) {
          if (sq) got = Got.Quoted;
          sq = !sq;
          continue;
        }
        break;
      case ';':
      case '&':
      case '|':
      case '<':
      case '>':
        if (!(sq || dq || bq || dollar)) {
          // `2>` : the file descriptor number goes with the redirection, not into the words
          if (ch === '>' && buf !== '' && /^[0-9]+$/.test(buf)) got = Got.None;
          cutAt = i;
          stop = true;
        }
        break;
    }
    if (stop) break;
    got = Got.Word;
    buf += ch;
  }
  if (got !== Got.None) words.push(buf);
  if (escaped || sq || dq || bq || dollar) {
    const why = escaped
      ? 'it ends with a backslash'
      : sq || dq
        ? 'a quote is not closed'
        : 'a "$(" or backtick is not closed';
    return { ok: false, message: why };
  }
  return cutAt === undefined ? { ok: true, words } : { ok: true, words, cutAt };
}
