/**
 * A tagged PDF drawn with pdfkit (decision 093), for the documents the server writes: the report and
 * the financial statement. PDF 1.7, `Marked`, a structure tree under one `Document` element, the
 * document language and its title shown, A4 with 50 pt margins. The text is set in DejaVu Sans
 * (and Sans Mono), embedded as a subset with its Unicode map: names such as “Yılmaz” or “Şahin”
 * are drawn and read back as written, which the standard fonts (WinAnsi only) cannot do.
 * Headings and paragraphs are H1–H3/P; a table is Table/TR/TH/TD, its first row and the first cell
 * of every other row being header cells, drawn row by row with page breaks between rows.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const MARGIN = 50;
const FONT_SIZE = 9;
const PAD = 3;

/** What the PDF says about itself: title (shown as the window title), subject, language, when it was made. */
export interface TaggedPdfInfo {
  title: string;
  subject?: string;
  /** BCP 47 tag of the document's language, e.g. `nl-NL`. */
  lang: string;
  /** The creation date in the PDF's info; the current time when absent. */
  createdAt?: Date;
}

/** How a text block is drawn: font size in points, bold or not, and the font family. */
export interface BlockStyle {
  size: number;
  bold?: boolean;
  /** `mono` (never bold) for a text whose characters must stay apart, such as a hash; `sans` by default. */
  font?: 'sans' | 'mono';
}

/** The embedded fonts, by the name the drawing uses, and their files in the `dejavu-fonts-ttf` package. */
const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Promise<Record<FontName, Buffer>> | undefined;
/** The font files, read once per process on the first PDF (resolved from this package's dependencies, also when bundled). */
function loadFonts(): Promise<Record<FontName, Buffer>> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = Promise.all(
      Object.entries(FONT_FILES).map(async ([name, file]) => [name, await readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))] as const),
    ).then((entries) => Object.fromEntries(entries) as Record<FontName, Buffer>);
    // A failed read is tried again by the next PDF rather than remembered.
    fonts.catch(() => {
      fonts = undefined;
    });
  }
  return fonts;
}

/**
 * A table: the header row, then the rows; each row's first cell is its header cell. `widths` are
 * the columns' shares of the width (summing to 1); by default the first column has 0.4 and the
 * others share the rest equally. `align` per column, by default the first left and the others
 * right (figures). `size` is the font size in points (default 9).
 */
export interface PdfTable {
  headers: string[];
  rows: string[][];
  widths?: number[];
  align?: ('left' | 'right')[];
  size?: number;
}

/** The drawing surface of one tagged PDF: blocks and tables in reading order, then `end()` for the bytes. */
export interface TaggedPdf {
  block(type: 'H1' | 'H2' | 'H3' | 'P', text: string, style: BlockStyle): void;
  table(table: PdfTable): void;
  /** Closes the structure tree and the document; resolves to the file's bytes. */
  end(): Promise<Buffer>;
}

/**
 * Opens a tagged A4 PDF with `info`. pdfkit is loaded on the first PDF, not at start: most processes
 * never write one (decision 074).
 */
export async function taggedPdf(info: TaggedPdfInfo): Promise<TaggedPdf> {
  const [{ default: PDFDocument }, files] = await Promise.all([import('pdfkit'), loadFonts()]);
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: info.title,
      ...(info.subject === undefined ? {} : { Subject: info.subject }),
      Creator: 'Duidingspool Oost-Nederland',
      ...(info.createdAt === undefined ? {} : { CreationDate: info.createdAt }),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const [name, bytes] of Object.entries(files)) doc.registerFont(name, bytes);
  doc.font('sans');

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  return {
    block(type, text, style) {
      doc.font(style.font === 'mono' ? 'mono' : style.bold ? 'sans-bold' : 'sans').fontSize(style.size);
      room(doc.heightOfString(text, { width }) + 6);
      root.add(
        doc.struct(type, {}, () => {
          doc.text(text, MARGIN, doc.y, { width });
        }),
      );
      doc.moveDown(0.4);
    },

    table({ headers, rows, widths, align, size = FONT_SIZE }) {
      const labelWidth = Math.round(width * 0.4);
      const colWidth = (width - labelWidth) / Math.max(1, headers.length - 1);
      const ws = headers.map((_, i) => {
        const share = widths?.[i];
        return share !== undefined ? width * share : i === 0 ? labelWidth : colWidth;
      });
      const xs = ws.map((_, i) => MARGIN + ws.slice(0, i).reduce((sum, w) => sum + w, 0));
      const structure = doc.struct('Table');
      root.add(structure);
      const row = (cells: string[], header: 'col' | 'row') => {
        // Each cell measured in the font it is drawn in: a bold header wraps sooner than a figure.
        const isHeader = (i: number) => header === 'col' || i === 0;
        const h =
          Math.max(
            ...cells.map((c, i) =>
              doc
                .font(isHeader(i) ? 'sans-bold' : 'sans')
                .fontSize(size)
                .heightOfString(c || ' ', { width: (ws[i] ?? colWidth) - 2 * PAD }),
            ),
          ) +
          2 * PAD;
        room(h);
        const y = doc.y;
        const tr = doc.struct('TR');
        structure.add(tr);
        cells.forEach((text, i) => {
          tr.add(
            doc.struct(isHeader(i) ? 'TH' : 'TD', {}, () => {
              doc.font(isHeader(i) ? 'sans-bold' : 'sans').fontSize(size);
              doc.text(text, (xs[i] ?? MARGIN) + PAD, y + PAD, {
                width: (ws[i] ?? colWidth) - 2 * PAD,
                align: align?.[i] ?? (i === 0 ? 'left' : 'right'),
              });
            }),
          );
        });
        tr.end();
        doc.y = y + h;
        doc.x = MARGIN;
      };
      row(headers, 'col');
      for (const r of rows) row(r, 'row');
      structure.end();
      doc.moveDown(0.8);
    },

    end() {
      root.end();
      doc.end();
      return done;
    },
  };
}
