// The workspace index's public surface: pure, fed with file texts and models.
export { scanDigest, scanModel, splitAuthors, type ScannedDay, type ScannedDigest, type ScannedPaper } from './scanner';
export { WorkspaceIndex, compareListings, type IndexedDay, type IndexedFile, type Listing, type WorkspaceView } from './workspaceIndex';
export { SearchIndex, searchListings, scoreListing, fuzzyScore, MAX_WORKSPACE_SYMBOLS, type SymbolMatch } from './symbolSearch';
export { findDefinition, findReferences, paperIdAt, type DigestLocation } from './navigation';
export { describeListing, fileName, otherDaysMarkdown } from './crossDay';
export { papersTree } from './papersTree';
export { INDEX_STATUS_REQUEST, PAPERS_REQUEST, PAPERS_CHANGED_NOTIFICATION, type IndexStatus, type DayNode, type PaperNode, type PapersParams, type PapersResult } from './protocol';
export { canonicalUri, fileUri } from './uri';
