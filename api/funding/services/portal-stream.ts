/**
 * Reads a portal file as a stream of records, whichever of the two forms it
 * is, without ever holding the whole file: stream-json's tokenizer turns the
 * bytes into tokens, and only the tokens inside one record at a time are
 * assembled into an object (the records sit at `fundingData.GrantTenderObj`
 * or `results`; everything else in the file is stepped over). Pulled, not
 * pushed: the next bytes are read only when the caller asks for the next
 * record, so a slow database write slows the upload instead of filling
 * memory.
 *
 * A file that is not JSON, ends too early, or holds neither list is a 400
 * naming what is wrong and about where (bytes read so far).
 */
import chain from 'stream-chain/core';
import { none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/core/assembler.js';
import parser, { type Token } from 'stream-json/core/parser.js';
import { Problem, ValidationFailed, words } from '../../platform/index.js';
import { type PortalFormat, RECORDS_PATH } from '../rules/portal-formats.js';

export interface PortalRecord {
  format: PortalFormat;
  /** position in the file's list of records */
  index: number;
  value: unknown;
}

export interface ReadProgress {
  /** bytes read from the source so far */
  bytes: number;
}

type Frame = { kind: 'object'; key: string | null } | { kind: 'array'; index: number };

const VALUE_START = new Set(['startObject', 'startArray', 'stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);

/** Why a file is not one RegioDesk can read: each reason is a message as the detail and, with where the reading stopped, as the body's field message. */
const UNREADABLE = {
  trailing: ['problems_funding_notPortalFileTrailing', 'problems_funding_field_notPortalFileTrailing'],
  notObject: ['problems_funding_notPortalFileNotObject', 'problems_funding_field_notPortalFileNotObject'],
  bothForms: ['problems_funding_notPortalFileBothForms', 'problems_funding_field_notPortalFileBothForms'],
  empty: ['problems_funding_notPortalFileEmpty', 'problems_funding_field_notPortalFileEmpty'],
  cutShort: ['problems_funding_notPortalFileCutShort', 'problems_funding_field_notPortalFileCutShort'],
  neither: ['problems_funding_notPortalFileNeither', 'problems_funding_field_notPortalFileNeither']
} as const;

function fileProblem(reason: keyof typeof UNREADABLE, bytes: number): ValidationFailed {
  const [detail, field] = UNREADABLE[reason];
  return new ValidationFailed([{ path: '', ...words(field, { bytes }) }], words(detail));
}

/** The file is not JSON: the parser's own words (English, technical) go in as they are. */
function notJson(error: string, bytes: number): ValidationFailed {
  return new ValidationFailed([{ path: '', ...words('problems_funding_field_notPortalFileNotJson', { error, bytes }) }], words('problems_funding_notPortalFileNotJson', { error }));
}

/** Follows the token stream's path and hands back each record once it is complete. */
class RecordPicker {
  private readonly stack: Frame[] = [];
  private assembler: Assembler | null = null;
  private recordIndex = 0;
  private started = false;
  private ended = false;
  format: PortalFormat | null = null;

  constructor(private readonly position: ReadProgress) {}

  push(token: Token): PortalRecord | typeof none {
    if (this.assembler) {
      const value = this.assembler.tapChain(token);
      if (value === none) return none;
      this.assembler = null;
      return { format: this.format!, index: this.recordIndex, value };
    }
    if (this.ended) throw fileProblem('trailing', this.position.bytes);
    if (VALUE_START.has(token.name)) {
      if (!this.started && token.name !== 'startObject') throw fileProblem('notObject', this.position.bytes);
      this.started = true;
      const top = this.stack.at(-1);
      if (top?.kind === 'array') {
        top.index += 1;
        if (this.insideRecords()) {
          this.recordIndex = top.index;
          this.assembler = new Assembler();
          const value = this.assembler.tapChain(token);
          if (value === none) return none;
          this.assembler = null;
          return { format: this.format!, index: this.recordIndex, value };
        }
      }
    }
    switch (token.name) {
      case 'startObject':
        this.stack.push({ kind: 'object', key: null });
        break;
      case 'startArray':
        this.stack.push({ kind: 'array', index: -1 });
        this.noticeRecordList();
        break;
      case 'keyValue': {
        const top = this.stack.at(-1);
        if (top?.kind === 'object') top.key = token.value;
        break;
      }
      case 'endObject':
      case 'endArray':
        this.stack.pop();
        if (!this.stack.length) this.ended = true;
        break;
      default:
        break;
    }
    return none;
  }

  /** The path of object keys down to the innermost array, e.g. `fundingData.GrantTenderObj`. */
  private arrayPath(): string | null {
    if (this.stack.at(-1)?.kind !== 'array') return null;
    const keys = this.stack.slice(0, -1).map((f) => (f.kind === 'object' ? f.key : null));
    return keys.every((k) => k !== null) ? keys.join('.') : null;
  }

  private noticeRecordList(): void {
    const path = this.arrayPath();
    const format = (Object.keys(RECORDS_PATH) as PortalFormat[]).find((f) => RECORDS_PATH[f] === path);
    if (!format) return;
    if (this.format && this.format !== format) throw fileProblem('bothForms', this.position.bytes);
    this.format = format;
  }

  private insideRecords(): boolean {
    return this.format !== null && this.arrayPath() === RECORDS_PATH[this.format];
  }

  finish(): void {
    if (!this.started) throw fileProblem('empty', this.position.bytes);
    if (!this.ended || this.assembler) throw fileProblem('cutShort', this.position.bytes);
    if (!this.format) {
      throw fileProblem('neither', this.position.bytes);
    }
  }
}

/**
 * Every record of a portal file, in file order. `progress.bytes` counts the
 * bytes read so far. The returned format is known once the first record (or
 * the empty list) has been seen; `readPortalFile` checks the whole file is
 * well-formed before it finishes.
 */
export async function* readPortalFile(source: AsyncIterable<Uint8Array>, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<PortalRecord, PortalFormat> {
  const picker = new RecordPicker(progress);
  async function* counted() {
    for await (const chunk of source) {
      progress.bytes += chunk.byteLength;
      yield chunk;
    }
  }
  const tokens = chain([parser({ packValues: true, streamValues: false }), (token: Token) => picker.push(token)]);
  const records = tokens(counted() as AsyncIterable<never>)[Symbol.asyncIterator]() as AsyncIterator<PortalRecord>;
  try {
    for (;;) {
      let step: IteratorResult<PortalRecord>;
      try {
        step = await records.next();
      } catch (error) {
        if (error instanceof Problem) throw error;
        const message = error instanceof Error ? error.message.replace(/^Parser cannot parse input: /, '') : String(error);
        throw notJson(message, progress.bytes);
      }
      if (step.done) break;
      yield step.value;
    }
  } finally {
    await records.return?.();
  }
  picker.finish();
  return picker.format!;
}
