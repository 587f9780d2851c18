export { BackupRefusedError, backupEmbedded, type EmbeddedLocation, type RestoreResult, restoreEmbedded } from './backup.ts';
export * from './client.ts';
export { acquireDataDirLock, type DataDirLock, DataDirLockedError, LOCK_FILE, type LockOwner } from './data-dir-lock.ts';
export { type DatabaseFault, databaseFault, isUniqueViolation } from './faults.ts';
export * from './passwords.ts';
export * as schema from './schema/index.ts';
export {
  CASE_CONTENT_FIELDS,
  type CaseContentColumn,
  LEDGER_PURGE_ORDER,
  type PurgedValue,
  REQUEST_DATA,
  type RequestDataTable,
} from './schema/request-data.ts';
export { caseTableName, DEMO_DOMAIN, DEMO_PASSWORD, DEMO_SPECIALISTS, isEmpty, seedDemo } from './seed.ts';
export {
  DEFAULT_STRUCTURE_FILE,
  jsonPointer,
  MAX_STRUCTURE_FILE_BYTES,
  readStructureFile,
  type StructureFile,
  type StructureFileResult,
  StructureFileSchema,
  type StructurePartChanges,
  type StructureProblem,
  structureFileJsonSchema,
  structureFileTooLarge,
} from './structure-file.ts';
