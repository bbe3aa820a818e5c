/**
 * The shared co-editing pieces of the annual cycle's documents (work plan,
 * evaluation): the live connection, presence, the conflict resolver, the
 * per-record history, the approvals panel, the ask before unsaved changes
 * are discarded and the If-Match write.
 */
export { documentPath, type DocumentType } from './documents.js';
export { LiveConnection, type LiveHandlers, type LiveRecordKind } from './live.svelte.js';
export { type Answer, coeditWrite, type CoeditResult, ifMatch } from './write.js';
export { default as Approvals } from './Approvals.svelte';
export { default as ConflictResolver } from './ConflictResolver.svelte';
export { default as DiscardConfirm } from './DiscardConfirm.svelte';
export { default as History } from './History.svelte';
export { default as Presence } from './Presence.svelte';
