/** Opaque, time-ordered ids (UUIDv7), stable across export and import. */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

export function nowIso(): string {
  return new Date().toISOString();
}
