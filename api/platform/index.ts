/**
 * The platform's face: what every context builds on. The HTTP kernel (the
 * caller, errors as problem+json, validation, OpenAPI descriptions,
 * versions and ETags, limits), the configuration, signing in and sessions,
 * who may see and change what (access), the audit log, paging, the health
 * check, mail, Word documents, and pure rules of time (local times and
 * zones, recurrence, wall clock). It imports no other context.
 */

export { identify, requireCaller } from './auth/middleware.js';
export { passwordWeakness } from './auth/password-strength.js';
export { hashPassword } from './auth/passwords.js';
export { digest, newSecret } from './auth/secrets.js';
export { settingsFrom, type Settings } from './config.js';
export { TEXT_WIDTH, heading, labelled, note, pack, paragraphs, table, title, type Block, type WordFile } from './documents/word.js';
export type { Caller, PartnershipRole } from './http/caller.js';
export type { ContextEnv } from './http/context.js';
export { Conflict, Forbidden, MergeConflict, NotFound, PayloadTooLarge, PreconditionFailed, PreconditionRequired, Problem, TooManyRequests, ValidationFailed, VersionNotYet, problemOf, problemResponse, unknownReference, isThing, words, type FieldError, type FieldProblem, type ProblemKey, type Thing, type Words } from './http/errors.js';
export { readerLanguage } from './http/reader-language.js';
export { eachLanguage, paramsIn, render, written, type InEachLanguage } from './http/problem-words.js';
export { dayIn, euros, eurosIn, wholeNumber } from './rules/amount-words.js';
export { answerClientErrors, limitUrlLength } from './http/http-limits.js';
export { describe } from './http/openapi.js';
export { apiSecurityHeaders, frontHeaders } from './http/security-headers.js';
export { validate } from './http/validation.js';
export { etagOf, expectedVersion, unchangedFor } from './http/versioning.js';
export { createMailer, describeMailError, type Mailer } from './mail/mailer.js';
export { deadlineReminderEmail, deadlineReminderSentence, feedbackLinkEmail, notificationEmail } from './mail/messages.js';
export { accountLanguage } from './rules/account-language.js';
export { docsRoutes } from './routes/docs.js';
export { platformOpenRoutes, platformRoutes } from './routes/index.js';
export { processBus, type BusMessage, type ProcessBus } from './processes/process-bus.js';
export { runProcessGroup } from './processes/process-group.js';
export { processWriteTurns } from './processes/write-turns.js';
export { postgresBus, type ClosableBus } from './processes/postgres-bus.js';
export { NonexistentLocalTime, durationMinutes, isInstant, isLocalDateTime, offsetAt, toInstant, toLocal, utc } from './rules/local-times.js';
export { RuleProblem, addYears, assertRuleFalls, daysCanMatch, nextOccurrence, occurrences, parseRule, readSeries, seriesText, withoutCount } from './rules/recurrence.js';
export { TimeSlice } from './rules/time-slice.js';
export { zoneWithKeptOffsets } from './rules/wall-clock.js';
export { assertAdmin, assertCanWriteRecord, assertWriterSomewhere, canSeePartnership, canWriteIn, canWriteRecord, isWriterSomewhere, partnershipLinksAfter, roleIn, scopeOf } from './services/access.js';
export type { AuditedRecords } from './services/audit-trail.js';
export { checkVersion, recordChange, toAuditEvent } from './services/audit.js';
export { startBackupRuns } from './services/backup-runs.js';
export { bestEffort } from './services/bookkeeping.js';
export { RunLease, type Lease } from './services/run-lease.js';
export { platformServices } from './services/index.js';
export { pageRequest } from './services/listing.js';
