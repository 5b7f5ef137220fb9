// Reading and cleaning documents: the pure first half of the intelligence pipeline (no database, no network).
//   const read = await readDocument(bytes, 'report.html');      // or readDocumentFile(path)
//   if (!read.ok) → read.code / read.message.{zh,en}
//   const doc = cleanDocument(read, { date: '2024-03-11' });   // doc.text, doc.sentences, toOriginalOffset(doc, i)
export type {
  CleanDocument,
  CleanOptions,
  DocumentFormat,
  Lang,
  OffsetSegment,
  Paragraph,
  ReadBlock,
  ReadErrorCode,
  ReadFailure,
  ReadOptions,
  ReadResult,
  ReadSuccess,
  RemovalReason,
  RemovedSpan,
  Repair,
  RepairKind,
  Script,
  Sentence,
} from './types';
export { readDocument, readDocumentFile, DEFAULT_MAX_BYTES } from './read/read-document';
export { cleanDocument } from './clean-document';
export { toOriginalOffset, toOriginalSpan } from './offset-map';
