/** The public face of the organisation module: other modules and the app import only what is listed here (decision 050). */
export {
  caseTableRetired,
  municipalityProblems,
  retiredCaseTables,
  servesMunicipality,
  structureCounts,
  unknownCaseTables,
} from './organisation.service.ts';
export {
  importStructure,
  STRUCTURE_PARTS,
  StructureImportRefused,
  type StructureImportReport,
  type StructurePart,
} from './structure-import.service.ts';
