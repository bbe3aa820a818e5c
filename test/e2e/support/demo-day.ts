/**
 * The demo workspace as the product seeds it for a browser test (a fresh
 * database, dated for today in Brussels, or for REGIODESK_DEMO_DATE:
 * fixtures/demo-calendar.ts). The tests compute what they look for with the
 * same calendar instead of writing this year down, so they hold on any day.
 * (A test that runs across midnight of New Year's Eve could see the server
 * seed for one year and compute for the next.)
 */
import { demoCalendar, demoToday } from '../../../fixtures/demo-calendar.js';
import { PARTNERSHIPS } from '../../../fixtures/partnerships.js';

const today = demoCalendar(demoToday());

/** "This year" of the demo's annual cycle and of the browser's clock. */
export const THIS_YEAR = today.year;

/**
 * A day in November of this year, for REGIODESK_DEMO_DATE: the demo then has
 * this year's evaluation in progress and no work plan for next year yet
 * (from 1 December it drafts one itself): for tests whose story is
 * evaluating this year or starting next year's plan.
 */
export const NOVEMBER_OF_THIS_YEAR = `${THIS_YEAR}-11-20`;

/** The demo partnership's title, which names the years of its agreement: "Rhein-Neckar – Vlaams-Brabant 2025–2028 (demo)" seeded in 2026. */
export const DEMO_PARTNERSHIP = today.cycleWords(PARTNERSHIPS.rnVb2025.title);
