/**
 * Text the EU Funding & Tenders Portal writes for a web page, read as plain
 * text. The portal's files carry titles HTML-escaped ("Research &amp;
 * Innovation", "Twin&#8211;Green"), and a title stored that way shows its
 * `&amp;` on every page, mail, feed and document. Pure.
 *
 * - Only complete references are decoded (named ones with their semicolon,
 *   numeric ones): "R&D" and "&paradigm" are words, not references, and stay.
 * - Decoded once: a title that really says "&amp;amp;" keeps one "&amp;".
 */
import { decodeHTMLStrict } from 'entities';

/** `value` with its HTML character references replaced by the characters they stand for. */
export function plainTextOf(value: string): string {
  return value.includes('&') ? decodeHTMLStrict(value) : value;
}
