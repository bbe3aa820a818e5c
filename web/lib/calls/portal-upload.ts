/**
 * Sends a portal file to POST /api/calls/import as the request body — the
 * File itself, never read into a string, so a 100 MB file costs the page
 * no memory — and reports progress twice: the browser's upload progress
 * (XMLHttpRequest upload events) and the server's own progress, which it
 * streams as NDJSON lines when asked with `Accept: application/x-ndjson`
 * (api/funding/routes/call-import.ts): `{"type":"progress",…}` lines, then one
 * `{"type":"summary",…}` or `{"type":"problem",…}` line.
 */
import type { CallImportProgress, CallImportSummary } from '$api/funding/schemas/call-import';
import { ApiProblem, type FieldError, languageHeaders } from '$lib/api/client.js';

export interface UploadHandlers {
  /** bytes of the file sent so far */
  onUpload?: (sent: number, total: number) => void;
  /** the server's progress lines */
  onProgress?: (progress: CallImportProgress) => void;
  signal?: AbortSignal;
}

/** Thrown when the upload was cancelled. */
export class UploadAborted extends Error {
  constructor() {
    super('The upload was cancelled.');
  }
}

function problemOf(status: number, body: unknown): ApiProblem {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return new ApiProblem(
    Number(b.status ?? status) || status,
    String(b.title ?? 'Error'),
    String(b.detail ?? ''),
    Array.isArray(b.errors) ? (b.errors as FieldError[]) : [],
    b
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function uploadPortalFile(file: Blob, dryRun: boolean, handlers: UploadHandlers = {}): Promise<CallImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let pending = '';
    let summary: CallImportSummary | null = null;
    let problem: ApiProblem | null = null;

    /** handles every complete line received so far (and the rest at the end) */
    function drain(final: boolean) {
      const text = xhr.responseText;
      pending += text.slice(seen);
      seen = text.length;
      const lines = pending.split('\n');
      pending = final ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (!line.trim()) continue;
        const message = parse(line) as { type?: string; summary?: CallImportSummary; problem?: unknown } | null;
        if (message?.type === 'progress') handlers.onProgress?.(message as CallImportProgress);
        else if (message?.type === 'summary' && message.summary) summary = message.summary;
        else if (message?.type === 'problem') problem = problemOf(500, message.problem);
      }
    }

    xhr.open('POST', `/api/calls/import${dryRun ? '?dryRun=true' : ''}`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    for (const [name, value] of Object.entries(languageHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => handlers.onUpload?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => handlers.onUpload?.(file.size, file.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) drain(false);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // refusals known before reading (401, 403, 413, 400) come as plain problem+json
        reject(problemOf(xhr.status, parse(xhr.responseText)));
        return;
      }
      drain(true);
      if (problem) reject(problem);
      else if (summary) resolve(summary);
      else reject(problemOf(500, { title: 'Error', detail: '' }));
    };
    xhr.onerror = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(new UploadAborted());
    if (handlers.signal) {
      if (handlers.signal.aborted) {
        reject(new UploadAborted());
        return;
      }
      handlers.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

/** "812 kB", "12.4 MB" in the UI language. */
export function formatBytes(tag: string, bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
}
