export {
  escoReleaseFiles,
  escoTaxonomy,
  ISCO_TAXONOMY,
  openEscoRelease,
  readEscoRelease,
  type EscoOptions,
  type EscoRelease,
  type IscoGroup,
} from './esco-release.js';
