/**
 * The demo workspace as the product seeds it for a browser test (a fresh
 * database, dated for today in Brussels, or for REGIODESK_DEMO_DATE:
 * fixtures/demo-calendar.ts). The tests compute what they look for with the
 * same calendar instead of writing a year down, so they hold on any day.
 * The product and the browser run on the real clock; a test whose story
 * needs a phase of the annual cycle dates the demo for a day of that phase
 * that is not in the future. (A test that runs across midnight of New
 * Year's Eve could see the server seed for one year and compute for the
 * next.)
 */
import { demoCalendar, demoToday } from '../../../fixtures/demo-calendar.js';
import { PARTNERSHIPS } from '../../../fixtures/partnerships.js';

const today = demoToday();
const [year, month] = today.split('-').map(Number) as [number, number];

/** This year, as the browser's clock and the undated demo have it. */
export const THIS_YEAR = year;

/** The demo partnership's title on the day the demo is dated for: it names the years of the agreement ("Rhein-Neckar – Vlaams-Brabant 2025–2028 (demo)" in 2026). */
export function demoPartnership(day: string = today): string {
  return demoCalendar(day).cycleWords(PARTNERSHIPS.rnVb2025.title);
}

/**
 * A day of the evaluation month that is not in the future: 20 November of
 * this year once it has come (today earlier in November), else of last
 * year. Dated for it, the demo has that year's evaluation in progress and
 * no work plan yet for the year after, and what it holds of that year has
 * happened by the real clock, as the evaluation's figures (what has ended
 * by now) need.
 */
export const EVALUATION_DAY = month === 11 ? (today < `${year}-11-20` ? today : `${year}-11-20`) : month === 12 ? `${year}-11-20` : `${year - 1}-11-20`;

/** The year the demo evaluates when dated for EVALUATION_DAY. */
export const EVALUATION_YEAR = Number(EVALUATION_DAY.slice(0, 4));

/** Today, but 30 November in December: dated for it, the demo has this year's plan and none yet for next year (it drafts one itself from 1 December). */
export const BEFORE_NEXT_PLAN_DAY = month === 12 ? `${year}-11-30` : today;
