// Export and import of all of a user's data: the file's format, writing it, checking it, reading it back.
export { EXPORT_FORMAT, EXPORT_VERSION, IMPORTABLE_VERSIONS, MAX_EXPORT_BYTES, type ExportDocument, type ExportedRecording } from './transfer/format.js';
export { exportAll, type ExportOptions } from './transfer/export.js';
export { assertExportConsistent } from './transfer/consistency.js';
export { importAll, type ImportCounts } from './transfer/import.js';
