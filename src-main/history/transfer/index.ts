// Moving history in and out of Duet: Markdown and JSON exports, imports of Duet and ChatGPT
// files, and the distillation dataset. Pure functions; the store reads and writes the database.
export { conversationsToMarkdown } from './export-markdown.js';
export { conversationsToJson, DUET_EXPORT_FORMAT, DUET_EXPORT_VERSION, type DuetExportFile } from './export-json.js';
export { HistoryFileReader, parseHistoryFile, parseHistoryText, readHistoryFile, type ParsedHistoryFile } from './import-file.js';
export { toImportedConversation } from './import-duet.js';
export { FALLBACK_TITLE, IMPORTED_REASON } from './import-chatgpt.js';
export { IMAGE_PLACEHOLDER } from './chatgpt-content.js';
export { toDistillationJsonl, type DistillationResult, type DistillationTurn } from './distill.js';
export { exportFileName, distillationFileName, transferMimeType, slugify, type TransferFileKind } from './file-names.js';
