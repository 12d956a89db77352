/*
 * js-yaml's YAML parser (src/parser/parser.ts of js-yaml 5.5.0, as published in
 * dist/js-yaml.mjs), changed in one respect: events are written into an `EventBuffer` (eight
 * integers each) instead of being pushed as objects. See `event-buffer.ts` for why. Everything
 * else (what is accepted, the events produced, the error messages and positions) is js-yaml's,
 * and parse-events.test.ts checks that it stays so against the installed js-yaml. (One speed-up
 * is marked `nestc:` where it is.)
 *
 * The code keeps js-yaml's names and order so that it can be compared with a later js-yaml
 * (formatted with this repository's prettier) function by function; only types were added,
 * `var` became `const` and the event functions write into the buffer. Do not edit it for style.
 *
 * Copyright (C) 2011-2015 by Vitaly Puzrin (js-yaml, MIT License):
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 * BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 * DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  YAMLException,
  type DocumentDirective,
  type ParserOptions,
} from 'js-yaml';
import { EventBuffer, STRIDE, eventHead } from './event-buffer.js';

/** Anchor and tag of the node being read (js-yaml's node properties). */
interface Props {
  anchorStart: number;
  anchorEnd: number;
  tagStart: number;
  tagEnd: number;
}

/** Where the parser was, to go back to it (js-yaml's state snapshot). */
interface Snapshot {
  position: number;
  line: number;
  lineStart: number;
  lineIndent: number;
  firstTabInLine: number;
  eventsLength: number;
}

interface State {
  filename: string;
  maxDepth: number;
  input: string;
  length: number;
  position: number;
  line: number;
  lineStart: number;
  lineIndent: number;
  firstTabInLine: number;
  depth: number;
  directives: DocumentDirective[];
  tagHandlers: Record<string, string>;
  events: EventBuffer;
}

/** Whether event `i` exists and opens a mapping (js-yaml: `events[i]?.type === MAPPING`). */
function isMappingAt(state: State, i: number): boolean {
  return i < state.events.length && state.events.type(i) === EVENT_ID.MAPPING;
}

const NO_RANGE = -1;
const HAS_OWN = Object.prototype.hasOwnProperty;
const CONTEXT_FLOW_IN = 1;
const CONTEXT_FLOW_OUT = 2;
const CONTEXT_BLOCK_IN = 3;
const CONTEXT_BLOCK_OUT = 4;
// js-yaml's patterns, kept as written.
const PATTERN_NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-useless-escape
const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
const NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
const NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
const PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
const PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
const PATTERN_TAG_PREFIX = new RegExp(
  `^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`,
);
const DEFAULT_PARSER_OPTIONS = {
  filename: '',
  maxDepth: 100,
};
function addDocumentEvent(state: State, explicitStart: boolean, explicitEnd: boolean): void {
  state.events.push(
    eventHead(EVENT_ID.DOCUMENT),
    explicitStart ? 1 : 0,
    explicitEnd ? 1 : 0,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
  );
}
function addSequenceEvent(
  state: State,
  start: number,
  anchorStart: number,
  anchorEnd: number,
  tagStart: number,
  tagEnd: number,
  style: number,
): void {
  state.events.push(
    eventHead(EVENT_ID.SEQUENCE, style),
    start,
    NO_RANGE,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    NO_RANGE,
  );
}
function addMappingEvent(
  state: State,
  start: number,
  anchorStart: number,
  anchorEnd: number,
  tagStart: number,
  tagEnd: number,
  style: number,
): void {
  state.events.push(
    eventHead(EVENT_ID.MAPPING, style),
    start,
    NO_RANGE,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    NO_RANGE,
  );
}
function insertFlowPairMappingEvent(state: State, snapshot: Snapshot): void {
  state.events.insert(
    snapshot.eventsLength,
    eventHead(EVENT_ID.MAPPING, COLLECTION_STYLE.FLOW),
    snapshot.position,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
  );
}
function addScalarEvent(
  state: State,
  valueStart: number,
  valueEnd: number,
  anchorStart: number,
  anchorEnd: number,
  tagStart: number,
  tagEnd: number,
  style: number,
  chomping: number = CHOMPING_MODE.CLIP,
  indent = -1,
  fast = false,
): void {
  state.events.push(
    eventHead(EVENT_ID.SCALAR, style, chomping, fast),
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    indent,
  );
}
function addAliasEvent(state: State, anchorStart: number, anchorEnd: number): void {
  state.events.push(
    eventHead(EVENT_ID.ALIAS),
    NO_RANGE,
    NO_RANGE,
    anchorStart,
    anchorEnd,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
  );
}
function addPopEvent(state: State): void {
  state.events.push(
    eventHead(EVENT_ID.POP),
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
  );
}
function addEmptyScalarEvent(state: State): void {
  addScalarEvent(
    state,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    NO_RANGE,
    SCALAR_STYLE.PLAIN,
  );
}
function emptyProperties(): Props {
  return {
    anchorStart: NO_RANGE,
    anchorEnd: NO_RANGE,
    tagStart: NO_RANGE,
    tagEnd: NO_RANGE,
  };
}
function snapshotState(state: State): Snapshot {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length,
  };
}
function restoreState(state: State, snapshot: Snapshot): void {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state: State, message: string): never {
  YAMLException.throwAt(
    state.input.slice(0, state.length),
    state.position,
    message,
    state.filename,
  );
}
function isEol(c: number): boolean {
  return c === 10 || c === 13;
}
function isWhiteSpace(c: number): boolean {
  return c === 9 || c === 32;
}
function isWsOrEol(c: number): boolean {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c: number): boolean {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c: number): number {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c: number): boolean {
  return (
    c === 48 ||
    c === 97 ||
    c === 98 ||
    c === 116 ||
    c === 9 ||
    c === 110 ||
    c === 118 ||
    c === 102 ||
    c === 114 ||
    c === 101 ||
    c === 32 ||
    c === 34 ||
    c === 47 ||
    c === 92 ||
    c === 78 ||
    c === 95 ||
    c === 76 ||
    c === 80
  );
}
function consumeLineBreak(state: State): void {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state: State, allowComments: boolean): number {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation =
    state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35)
      do ch = state.input.charCodeAt(++state.position);
      while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state: State, position: number = state.position): boolean {
  const ch = state.input.charCodeAt(position);
  if (
    (ch === 45 || ch === 46) &&
    ch === state.input.charCodeAt(position + 1) &&
    ch === state.input.charCodeAt(position + 2)
  ) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state: State): void {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state: State): boolean {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result =
    state.position === state.lineStart &&
    (ch === 37 || (ch === 45 && testDocumentSeparator(state)));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state: State): void {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state: State, start: number, end: number): void {
  // nestc: printable ASCII, which most scalars are, cannot match the pattern; only a scalar with
  // other characters is sliced out for it.
  const input = state.input;
  let i = start;
  for (; i < end; i++) {
    const c = input.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c > 0x7e) break;
  }
  if (i === end) return;
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, 'the stream contains non-printable characters');
  }
}
function readTagProperty(state: State, props: Props, inFlow: boolean): boolean {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE) throwError(state, 'duplication of a tag property');
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = '!';
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = '!!';
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, 'unexpected end of the stream within a verbatim tag');
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle))
            throwError(state, 'named tag handle cannot contain such characters');
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, 'tag suffix cannot contain exclamation marks');
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName))
      throwError(state, 'tag suffix cannot contain flow indicator characters');
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName)))
    throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (
    !isVerbatim &&
    tagHandle !== '!' &&
    tagHandle !== '!!' &&
    !HAS_OWN.call(state.tagHandlers, tagHandle)
  )
    throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state: State, props: Props): boolean {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE) throwError(state, 'duplication of an anchor property');
  state.position++;
  const start = state.position;
  while (
    state.input.charCodeAt(state.position) !== 0 &&
    !isWsOrEol(state.input.charCodeAt(state.position)) &&
    !isFlowIndicator(state.input.charCodeAt(state.position))
  )
    state.position++;
  if (state.position === start)
    throwError(state, 'name of an anchor node must contain at least one character');
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state: State, props: Props): boolean {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE || props.tagStart !== NO_RANGE)
    throwError(state, 'alias node should not have any properties');
  state.position++;
  const start = state.position;
  while (
    state.input.charCodeAt(state.position) !== 0 &&
    !isWsOrEol(state.input.charCodeAt(state.position)) &&
    !isFlowIndicator(state.input.charCodeAt(state.position))
  )
    state.position++;
  if (state.position === start)
    throwError(state, 'name of an alias node must contain at least one character');
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state: State, nodeIndent: number): void {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, 'deficient indentation');
}
function readSingleQuotedScalar(state: State, nodeIndent: number, props: Props): boolean {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(
        state,
        start,
        end,
        props.anchorStart,
        props.anchorEnd,
        props.tagStart,
        props.tagEnd,
        SCALAR_STYLE.SINGLE_QUOTED,
        CHOMPING_MODE.CLIP,
        -1,
        simple,
      );
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state))
      throwError(state, 'unexpected end of the document within a single quoted scalar');
    else if (ch !== 9 && ch < 32) throwError(state, 'expected valid JSON character');
    else state.position++;
  }
  throwError(state, 'unexpected end of the stream within a single quoted scalar');
}
function readDoubleQuotedScalar(state: State, nodeIndent: number, props: Props): boolean {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(
        state,
        start,
        end,
        props.anchorStart,
        props.anchorEnd,
        props.tagStart,
        props.tagEnd,
        SCALAR_STYLE.DOUBLE_QUOTED,
        CHOMPING_MODE.CLIP,
        -1,
        simple,
      );
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, 'unknown escape sequence');
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0)
            throwError(state, 'expected hexadecimal character');
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state))
      throwError(state, 'unexpected end of the document within a double quoted scalar');
    else if (ch !== 9 && ch < 32) throwError(state, 'expected valid JSON character');
    else state.position++;
  }
  throwError(state, 'unexpected end of the stream within a double quoted scalar');
}
function readBlockScalar(state: State, parentIndent: number, props: Props): boolean {
  const ch = state.input.charCodeAt(state.position);
  let chomping: number = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP)
        throwError(state, 'repeat of a chomping mode identifier');
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0)
        throwError(
          state,
          'bad explicit indentation width of a block scalar; it cannot be less than one',
        );
      if (detectedIndent) throwError(state, 'repeat of an indentation width identifier');
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0)
    throwError(state, 'a line break is expected');
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first))
      maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, 'tab characters must not be used in indentation');
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, 'bad indentation of a mapping entry');
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1)
      contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(
    state,
    valueStart,
    valueEnd,
    props.anchorStart,
    props.anchorEnd,
    props.tagStart,
    props.tagEnd,
    style,
    chomping,
    contentIndent,
  );
  return true;
}
function canStartPlainScalar(state: State, nodeContext: number): boolean {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (
    ch === 0 ||
    isWsOrEol(ch) ||
    ch === 35 ||
    ch === 38 ||
    ch === 42 ||
    ch === 33 ||
    ch === 124 ||
    ch === 62 ||
    ch === 39 ||
    ch === 34 ||
    ch === 37 ||
    ch === 64 ||
    ch === 96 ||
    isFlowIndicator(ch)
  )
    return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || (inFlow && isFlowIndicator(following))) return false;
  }
  return true;
}
function readPlainScalar(
  state: State,
  nodeIndent: number,
  nodeContext: number,
  props: Props,
): boolean {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || (inFlow && isFlowIndicator(following))) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(
    state,
    start,
    end,
    props.anchorStart,
    props.anchorEnd,
    props.tagStart,
    props.tagEnd,
    SCALAR_STYLE.PLAIN,
    CHOMPING_MODE.CLIP,
    -1,
    !multiline,
  );
  return true;
}
function skipFlowSeparationSpace(state: State, nodeIndent: number): void {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (
    (state.line > startLine && state.lineIndent < nodeIndent) ||
    (state.firstTabInLine !== -1 && state.lineIndent < nodeIndent)
  )
    throwError(state, 'deficient indentation');
}
function readFlowCollection(state: State, nodeIndent: number, props: Props): boolean {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping)
    addMappingEvent(
      state,
      start,
      props.anchorStart,
      props.anchorEnd,
      props.tagStart,
      props.tagEnd,
      COLLECTION_STYLE.FLOW,
    );
  else
    addSequenceEvent(
      state,
      start,
      props.anchorStart,
      props.anchorEnd,
      props.tagStart,
      props.tagEnd,
      COLLECTION_STYLE.FLOW,
    );
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch = state.input.charCodeAt(state.position);
    if (ch === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, 'missed comma between flow collection entries');
    else if (ch === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch = state.input.charCodeAt(state.position);
    if (ch === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, 'unexpected end of the stream within a flow collection');
}
function readBlockSequence(state: State, nodeIndent: number, props: Props): boolean {
  if (
    state.firstTabInLine !== -1 ||
    state.input.charCodeAt(state.position) !== 45 ||
    !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))
  )
    return false;
  addSequenceEvent(
    state,
    state.position,
    props.anchorStart,
    props.anchorEnd,
    props.tagStart,
    props.tagEnd,
    COLLECTION_STYLE.BLOCK,
  );
  while (
    state.input.charCodeAt(state.position) === 45 &&
    isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))
  ) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, 'tab characters must not be used in indentation');
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (
      state.firstTabInLine !== -1 &&
      state.input.charCodeAt(state.position) === 45 &&
      isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))
    )
      throwError(state, 'bad indentation of a sequence entry');
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, 'bad indentation of a sequence entry');
    if (
      state.line === entryLine &&
      state.input.charCodeAt(state.position) === 45 &&
      isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))
    )
      throwError(state, 'bad indentation of a sequence entry');
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(
  state: State,
  nodeIndent: number,
  flowIndent: number,
  props: Props,
): boolean {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, 'tab characters must not be used in indentation');
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(
          state,
          state.position,
          props.anchorStart,
          props.anchorEnd,
          props.tagStart,
          props.tagEnd,
          COLLECTION_STYLE.BLOCK,
        );
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch))
            throwError(
              state,
              'a whitespace character is expected after the key-value separator within a block mapping',
            );
          if (!mappingOpened) {
            state.events.insert(
              beforeKey.eventsLength,
              eventHead(EVENT_ID.MAPPING, COLLECTION_STYLE.BLOCK),
              beforeKey.position,
              NO_RANGE,
              props.anchorStart,
              props.anchorEnd,
              props.tagStart,
              props.tagEnd,
              NO_RANGE,
            );
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE || props.tagStart !== NO_RANGE) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected)
        throwError(
          state,
          'can not read a block mapping entry; a multiline key may not be an implicit key',
        );
      else {
        if (props.anchorStart !== NO_RANGE || props.tagStart !== NO_RANGE) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey))
      pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0)
      throwError(state, 'bad indentation of a mapping entry');
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(
  state: State,
  parentIndent: number,
  nodeContext: number,
  allowToSeek: boolean,
  allowCompact: boolean,
  allowPropertyMapping = true,
): boolean {
  if (state.depth >= state.maxDepth)
    throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1)
    while (true) {
      const ch = state.input.charCodeAt(state.position);
      const propertyState = snapshotState(state);
      if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
      if (
        atNewLine &&
        allowBlockStyles &&
        (props.tagStart !== NO_RANGE || props.anchorStart !== NO_RANGE) &&
        (ch === 33 || ch === 38)
      ) {
        const fallbackState = snapshotState(state);
        const flowIndent = parentIndent + 1;
        if (
          readBlockMapping(state, state.position - state.lineStart, flowIndent, props) &&
          isMappingAt(state, fallbackState.eventsLength)
        ) {
          state.depth--;
          return true;
        }
        restoreState(state, fallbackState);
      }
      if (
        atNewLine &&
        ((ch === 33 && props.tagStart !== NO_RANGE) ||
          (ch === 38 && props.anchorStart !== NO_RANGE))
      )
        break;
      if (
        !readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) &&
        !readAnchorProperty(state, props)
      )
        break;
      if (propertyStart === null) propertyStart = propertyState;
      if (skipSeparationSpace(state, true)) {
        atNewLine = true;
        allowBlockCollections = allowBlockStyles;
        if (state.lineIndent > parentIndent) indentStatus = 1;
        else if (state.lineIndent === parentIndent) indentStatus = 0;
        else indentStatus = -1;
      } else allowBlockCollections = false;
    }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent =
      nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT
        ? parentIndent
        : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (
        (allowBlockCollections &&
          (readBlockSequence(state, blockIndent, props) ||
            readBlockMapping(state, blockIndent, flowIndent, props))) ||
        readFlowCollection(state, flowIndent, props)
      )
        hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (
          propertyStart !== null &&
          allowPropertyMapping &&
          allowBlockStyles &&
          !allowBlockCollections &&
          ch !== 124 &&
          ch !== 62
        ) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (
            readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) &&
            isMappingAt(state, fallbackState.eventsLength)
          )
            hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (
          !hasContent &&
          ((allowBlockScalars && readBlockScalar(state, flowIndent, props)) ||
            readSingleQuotedScalar(state, flowIndent, props) ||
            readDoubleQuotedScalar(state, flowIndent, props) ||
            readAlias(state, props) ||
            readPlainScalar(state, flowIndent, nodeContext, props))
        )
          hasContent = true;
      }
    } else if (indentStatus === 0)
      hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (
    !hasContent &&
    (props.anchorStart !== NO_RANGE || props.tagStart !== NO_RANGE || allowBlockScalars)
  ) {
    addScalarEvent(
      state,
      NO_RANGE,
      NO_RANGE,
      props.anchorStart,
      props.anchorEnd,
      props.tagStart,
      props.tagEnd,
      SCALAR_STYLE.PLAIN,
    );
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE || props.tagStart !== NO_RANGE;
}
function readDirective(state: State): boolean {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (
    state.input.charCodeAt(state.position) !== 0 &&
    !isWsOrEol(state.input.charCodeAt(state.position))
  )
    state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args: string[] = [];
  if (name.length === 0)
    throwError(state, 'directive name must not be less than one character in length');
  while (
    state.input.charCodeAt(state.position) !== 0 &&
    !isEol(state.input.charCodeAt(state.position))
  ) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (
      state.input.charCodeAt(state.position) === 35 ||
      isEol(state.input.charCodeAt(state.position)) ||
      state.input.charCodeAt(state.position) === 0
    )
      break;
    const start = state.position;
    while (
      state.input.charCodeAt(state.position) !== 0 &&
      !isWsOrEol(state.input.charCodeAt(state.position))
    )
      state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === 'YAML') {
    if (state.directives.some((directive) => directive.kind === 'yaml'))
      throwError(state, 'duplication of %YAML directive');
    if (args.length !== 1) throwError(state, 'YAML directive accepts exactly one argument');
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0] as string);
    if (match === null) throwError(state, 'ill-formed argument of the YAML directive');
    if (parseInt(match[1] as string, 10) !== 1)
      throwError(state, 'unacceptable YAML version of the document');
    state.directives.push({
      kind: 'yaml',
      version: args[0] as string,
    });
  } else if (name === 'TAG') {
    if (args.length !== 2) throwError(state, 'TAG directive accepts exactly two arguments');
    const [handle, prefix] = args as [string, string];
    if (!PATTERN_TAG_HANDLE.test(handle))
      throwError(state, 'ill-formed tag handle (first argument) of the TAG directive');
    if (HAS_OWN.call(state.tagHandlers, handle))
      throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix))
      throwError(state, 'ill-formed tag prefix (second argument) of the TAG directive');
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: 'tag',
      handle,
      prefix,
    });
  }
  return true;
}
function readDocument(state: State): void {
  state.directives = [];
  state.tagHandlers = Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (
    state.lineIndent === 0 &&
    state.input.charCodeAt(state.position) === 45 &&
    state.input.charCodeAt(state.position + 1) === 45 &&
    state.input.charCodeAt(state.position + 2) === 45 &&
    isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))
  ) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, 'directives end mark is expected');
  const documentEventIndex = state.events.length;
  if (
    !explicitStart &&
    state.position === state.lineStart &&
    state.input.charCodeAt(state.position) === 46 &&
    testDocumentSeparator(state)
  ) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact))
    addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length)
        throwError(state, 'end of the stream or a document separator is expected');
    }
  }
  if (state.events.type(documentEventIndex) === EVENT_ID.DOCUMENT)
    state.events.data[documentEventIndex * STRIDE + 2] = explicitEnd ? 1 : 0;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state))
    throwError(state, 'end of the stream or a document separator is expected');
}
/**
 * Parses YAML into a flat event stream referencing source text by offsets: js-yaml's
 * `parseEvents`, into an `EventBuffer`.
 */
export function parseEventBuffer(input: string, options: ParserOptions): EventBuffer {
  const length = input.length;
  const state: State = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: Object.create(null),
    events: new EventBuffer(Math.ceil(length / 6) + 16),
  };
  const nullpos = input.indexOf('\0');
  if (nullpos !== -1)
    YAMLException.throwAt(input, nullpos, 'null byte is not allowed in input', state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      /* c8 ignore next */
      throwError(state, 'can not read a document');
  }
  return state.events;
}
