export { creationOrder, exportDatabase } from './export'
export {
  assertTransferDump,
  mediaFilesNote,
  skippedCollections,
  transferFormat,
  transferFormatVersion,
  type CollectionCount,
  type CollectionDump,
  type GlobalDump,
  type TransferDump,
  type VersionRecord,
} from './format'
export { importDatabase, TargetNotEmptyError, type CollectionImportReport, type ImportReport } from './import'
export { referencedCollections, remapReferences, type DroppedReference, type RemapResult, type Resolution, type Resolver } from './references'
export { explainWriteError, ImportDocumentError, ImportFailedError } from './errors'
