/** The readable text of a Word document, one line per paragraph (table cells are paragraphs too). */
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export async function docxText(bytes: Buffer | Uint8Array): Promise<{ text: string; files: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error(`no word/document.xml in the file; it holds ${Object.keys(zip.files).join(', ')}`);
  const xml = await document.async('string');
  const text = xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, code: string) => String.fromCodePoint(parseInt(code, hex ? 16 : 10)));
  return { text, files: Object.keys(zip.files) };
}
