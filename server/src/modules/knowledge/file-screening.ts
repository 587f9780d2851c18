import type { KnowledgeFormat } from '@duidingspool/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../errors.ts';
import { PdfRefused, screenPdf } from './pdf-screening.ts';
import { readZip, ZipRefused } from './zip-reader.ts';

// What a knowledge product's file may not carry (docs/design.md §10, decisions 089 and 097): it is
// handed to every user of the region, so nothing in it may run or reach out when it is opened. The
// format has already been read from the bytes; this looks inside, with caps on every cost.

/**
 * Most bytes of the relationship parts and `[Content_Types].xml` together (a few kB in any real
 * document); more is refused, not skipped. Parsing costs about 0.2 s per MB.
 */
export const MAX_RELS_BYTES = 2 * 1024 * 1024;
/**
 * Most bytes of an OpenDocument file's XML parts together (content, styles, meta, settings,
 * manifest; a long report has a few hundred kB); more is refused, not skipped: parsing costs
 * about 0.2–0.4 s per MB in the server's thread.
 */
export const MAX_ODF_XML_BYTES = 2 * 1024 * 1024;

/** Entries of an Office Open XML package that hold code or embedded programs. */
const OOXML_ACTIVE = /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)(activeX|embeddings)\//i;
/** Entries of an OpenDocument file that hold macros, scripts or embedded objects (`Object 1/`). */
const ODF_ACTIVE = /^(Basic|Scripts|Object[^/]*|ObjectReplacements)\//i;

/**
 * Relationship kinds (the last segment of `Type`, without case) that bring in code, programs or
 * content from elsewhere: refused in any relationship part, wherever it lives in the package.
 */
export const REFUSED_RELATIONSHIPS = new Set([
  'vbaproject',
  'vbaprojectsignature',
  'vbaprojectsignatureagile',
  'vbaprojectsignaturev3',
  'wordvbadata',
  'keymapcustomizations',
  'attachedtoolbars',
  'oleobject',
  'package',
  'activex',
  'activexcontrolbinary',
  'control',
  'attachedtemplate',
  'frame',
  'subdocument',
  'externallink',
  'externallinkpath',
  'externallinklong',
]);
/** The one relationship that may point outside the file: a hyperlink (transitional and strict). */
const HYPERLINK_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink',
]);
/** Content types in `[Content_Types].xml` that mark macros, ActiveX or embedded objects. */
const REFUSED_CONTENT_TYPE = /vbaProject|macroEnabled|activeX|oleObject|vbaData/i;
/** Schemes a hyperlink may use; `file:`, UNC paths and script URLs are refused. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
/** A URI scheme at the start of a reference (`http:`, `vnd.sun.star.script:`). */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

const refuse = (what: string) =>
  new AppError('unsupported-media-type', `Dit bestand bevat ${what}; de kennisbank neemt alleen documenten zonder actieve inhoud aan.`, {
    errors: [{ in: 'body', pointer: '/file', message: `bevat ${what}` }],
  });
const broken = () =>
  new AppError('validation-failed', 'Ongeldige invoer: het bestand is onvolledig of beschadigd.', {
    errors: [{ in: 'body', pointer: '/file', message: 'het bestand is onvolledig of beschadigd' }],
  });

/** An element of the parsed tree (fast-xml-parser, `preserveOrder`): its name, attributes and children. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: true,
  // Also decodes numeric character references (`&#69;xternal` is `External`), as a reader does.
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
});

/** The local part of a qualified XML name (`xlink:href` → `href`). */
const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * Calls `visit` for every element of `xml` with its qualified name and attributes (entities
 * decoded, attribute names exactly as written). Iterative, so deep nesting costs no stack.
 * Throws the `broken` 400 for XML that is not well-formed or declares a DTD (neither Office Open
 * XML nor OpenDocument allow one; refusing it rules out entity expansion bombs).
 */
function eachElement(xml: string, visit: (name: string, attributes: Record<string, string>) => void): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('een XML-documenttypedefinitie (DTD)');
  if (XMLValidator.validate(xml) !== true) throw broken();
  const stack: unknown[] = [parser.parse(xml)];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const node = item as XmlNode;
    for (const key of Object.keys(node)) {
      if (key === ':@' || key === '#text' || key.startsWith('?')) continue;
      visit(key, node[':@'] ?? {});
      stack.push(node[key]);
    }
  }
}

/** The scheme of a reference, lower case, or undefined for a relative one; UNC and `//host` count as remote (`unc`). */
function schemeOf(reference: string): string | undefined {
  const ref = reference.trim();
  if (ref.startsWith('\\\\') || ref.startsWith('//') || ref.startsWith('/\\') || ref.startsWith('\\/')) return 'unc';
  return SCHEME.exec(ref)?.[1]?.toLowerCase();
}

/**
 * Checks one relationship part: no relationship of a refused kind (`REFUSED_RELATIONSHIPS`), and
 * nothing outside the file (`TargetMode` External, or a target with a scheme or UNC path) except a
 * hyperlink with an http(s) or mailto address. Only the relationship's own, unprefixed `Type`,
 * `Target` and `TargetMode` count, as in the Open Packaging Conventions.
 */
function screenRelationships(xml: string): void {
  eachElement(xml, (name, attributes) => {
    if (local(name) !== 'Relationship') return;
    const type = attributes.Type ?? '';
    const kind = type.slice(type.lastIndexOf('/') + 1).toLowerCase();
    if (REFUSED_RELATIONSHIPS.has(kind)) throw refuse(`een koppeling van het soort ${kind} (macro's, ingesloten objecten of een sjabloon)`);
    const external = (attributes.TargetMode ?? '').trim().toLowerCase() === 'external';
    const scheme = schemeOf(attributes.Target ?? '');
    if (!external && scheme === undefined) return;
    if (HYPERLINK_TYPES.has(type) && (scheme === undefined || LINK_SCHEMES.has(scheme))) return;
    throw refuse('een verwijzing naar iets buiten het bestand (zoals een sjabloon op internet)');
  });
}

/** Checks `[Content_Types].xml` for macro, ActiveX or embedded-object parts. */
function screenContentTypes(xml: string): void {
  eachElement(xml, (_name, attributes) => {
    if (REFUSED_CONTENT_TYPE.test(attributes.ContentType ?? '')) throw refuse("macro's, ActiveX-elementen of ingesloten objecten");
  });
}

/** Element names (local part) of OpenDocument that run scripts or embed objects, programs or plug-ins. */
const ODF_REFUSED_ELEMENTS = new Set(['event-listener', 'script', 'object', 'object-ole', 'applet', 'plugin', 'dde-source', 'dde-connection-decl']);
/** OpenDocument hyperlinks (clicked by the reader, never loaded on their own): `text:a`, `draw:a`. */
const ODF_LINKS = new Set(['text:a', 'draw:a']);

/**
 * Checks one OpenDocument XML part: no script event listeners or scripts, no embedded objects,
 * applets, plug-ins or DDE links, and no `href` to anything outside the file except hyperlinks
 * (`text:a`, `draw:a`) with an http(s) or mailto address.
 */
function screenOdfXml(xml: string): void {
  eachElement(xml, (name, attributes) => {
    if (ODF_REFUSED_ELEMENTS.has(local(name))) throw refuse(`scripts of ingesloten objecten (${name})`);
    for (const [attribute, value] of Object.entries(attributes)) {
      if (local(attribute) !== 'href') continue;
      const scheme = schemeOf(value);
      if (scheme === undefined) continue;
      if (ODF_LINKS.has(name) && LINK_SCHEMES.has(scheme)) continue;
      throw refuse(`een verwijzing naar iets buiten het bestand (${name})`);
    }
  });
}

/** Bytes of the entries kept to be read (the XML parts). */
const xmlBytes = (entries: ReturnType<typeof readZip>) => entries.reduce((sum, e) => sum + (e.content ? e.size : 0), 0);

/** The text of a kept zip entry (UTF-8). */
const text = (content: Buffer | undefined) => content?.toString('utf8') ?? '';

/**
 * Refuses a knowledge product's file that holds active content or is damaged:
 * - zip-based files (see `readZip`): more than 5,000 entries, a name twice, sizes that lie, more
 *   than 100 MB unpacked, an entry packed more than 100× (above 1 MB), or unreadable;
 * - DOCX, PPTX: macros, ActiveX, embedded objects (by entry name, content type and relationship
 *   kind), any relationship outside the file other than a hyperlink; relationship parts over 2 MB in all;
 * - ODT: Basic, scripts, script event listeners, embedded objects, remote images or other `href`s
 *   that are not hyperlinks; XML parts over 2 MB in all;
 * - PDF: see `screenPdf` (code, actions on open other than going to a page, remote files, files inside).
 * @throws AppError 415 `unsupported-media-type` (active content, bombs) or 400 `validation-failed` (damaged), both on `/file`
 */
export function screenKnowledgeFile(format: KnowledgeFormat, bytes: Buffer): void {
  if (format === 'pdf') {
    try {
      screenPdf(bytes);
    } catch (error) {
      if (error instanceof PdfRefused) throw error.kind === 'broken' ? broken() : refuse(error.message);
      throw error;
    }
    return;
  }
  const odf = format === 'odt';
  const read = odf ? (name: string) => name.endsWith('.xml') : (name: string) => name.endsWith('.rels') || name === '[Content_Types].xml';
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(bytes, read);
  } catch (error) {
    if (error instanceof ZipRefused) {
      if (error.kind === 'broken') throw broken();
      throw refuse(`een zipbom of misleidende inpakgegevens (${error.message})`);
    }
    throw error;
  }
  if (odf) {
    if (entries.some((e) => ODF_ACTIVE.test(e.name))) throw refuse("macro's, scripts of ingesloten objecten");
    if (xmlBytes(entries) > MAX_ODF_XML_BYTES) throw refuse(`meer dan ${MAX_ODF_XML_BYTES / 1024 / 1024} MB aan XML, te veel om te controleren`);
    for (const e of entries) if (e.content) screenOdfXml(text(e.content));
    return;
  }
  if (entries.some((e) => OOXML_ACTIVE.test(e.name))) throw refuse("macro's, ActiveX-elementen of ingesloten objecten");
  if (xmlBytes(entries) > MAX_RELS_BYTES) throw refuse(`meer dan ${MAX_RELS_BYTES / 1024 / 1024} MB aan koppelingen, te veel om te controleren`);
  for (const e of entries) {
    if (!e.content) continue;
    if (e.name === '[Content_Types].xml') screenContentTypes(text(e.content));
    else screenRelationships(text(e.content));
  }
}
